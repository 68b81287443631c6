# Wegwijs: texts of the web chat (the page and the widget). Same message ids in every language.

web-title = Wegwijs: ኣብ { $municipality } ንሓደስቲ መጻእቲ ሓገዝ
web-open = ሕቶ ኣለኩም? ምስ Wegwijs ተጻሓሓፉ
web-close = ዕላል ዕጸው
web-conversation = ምስ Wegwijs ዝተገብረ ዕላል
web-you = ንስኹም
web-bot = Wegwijs
web-question-label = ሕቶኹም
web-placeholder = ሕቶኹም ኣብዚ ጽሓፉ
web-send = ስደድ
web-typing = Wegwijs ይጽሕፍ ኣሎ…
web-forget = ረስዓኒ
web-forget-confirm = እዚ ዕላልን ብዛዕባኹም ዝተዓቀበ ኩሉን ይደምሰስ ድዩ?
web-forget-yes = እወ፣ ደምስስ
web-forget-no = ሰርዝ
web-slow-down = መልእኽትታት ኣዝዩ ቀልጢፍኩም ትሰዱ ኣለኹም። በጃኹም ቁሩብ ተጸበዩ፣ ድሕሪኡ ደጊምኩም ፈትኑ።
web-too-long = እዚ መልእኽቲ ኣዝዩ ነዊሕ እዩ። በጃኹም ካብ { $max } ፊደላት ንላዕሊ ኣይትጽሓፉ።
web-offline = ርክብ ተቛሪጹ። ደጊሙ ይራኸብ ኣሎ…
web-new-tab = (ኣብ ሓድሽ ታብ ይኽፈት)
web-noscript = እዚ ዕላል JavaScript የድልዮ። ብቐጥታ ምስ ምምሕዳር ከተማ { $municipality } እውን ክትራኸቡ ትኽእሉ ኢኹም።
web-privacy = እዚ ዕላል ኣብዚ ብራውዘር ይዕቀብ። “ረስዓኒ” ኣብዚን ኣብ ምምሕዳር ከተማን ይድምስሶ።
web-error = ገለ ጌጋ ተፈጢሩ። በጃኹም ድሕሪ ቁሩብ ደጊምኩም ፈትኑ።
