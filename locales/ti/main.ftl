# Wegwijs: texts that newcomers read. One file per language: locales/<lang>/main.ftl.
# Keep the message ids identical in every language; `cargo test` fails when one is missing.

## Names of the languages, written in this file's language.
lang-nl = ሆላንድኛ
lang-en = እንግሊዝኛ
lang-ar = ዓረብኛ
lang-tr = ቱርክኛ
lang-pl = ፖሎንኛ
lang-uk = ዩክሬንኛ
lang-ru = ሩስያኛ
lang-fa = ፋርስኛ
lang-ti = ትግርኛ
lang-so = ሶማልኛ
lang-es = ስጳንኛ
lang-fr = ፈረንሳይኛ
lang-de = ጀርመንኛ
lang-zh = ቻይንኛ
lang-pt = ፖርቱጋልኛ
lang-ro = ሩማንኛ
lang-it = ጣልያንኛ

## The name of this language in its own script, shown in the language menu.
lang-self = ትግርኛ

welcome =
    ሰላም! ኣነ Wegwijs እየ፣ ኣብ { $municipality } ንሓደስቲ መጻእቲ ዝሕግዝ።
    ብቋንቋኹም ሕቶ ሕተቱኒ፣ ንኣብነት ብዛዕባ ምምዝጋብ ኣድራሻ፣ ውሕስነት ጥዕና ወይ ምምሃር ሆላንድኛ።
    ናብ ወግዓዊ ገጻት ምስ ዝወስዱ መላግቦታት እምልሰልኩም። ክሕግዘኩም እንተዘይክኢለ፣ ሓደ ሰብ ክሕግዘኩም ክሓትት እኽእል እየ።
help =
    ብቋንቋኹም ብሒደት ቃላት ሕቶ ሕተቱኒ።
    /language: ቋንቋኹም ምረጹ
    /advisor: ምስ ሰብ ተዛረቡ
    /forget: ብዛዕባኹም ዝተዓቀበ ኩሉ ደምስሱ
    /help: ነዚ ሓገዝ ርኣዩ
unknown-command = ነዚ ትእዛዝ ኣይፈልጦን እየ። እንታይ ክገብር ከም ዝኽእል ንምርኣይ /help ጽሓፉ።
empty-question = በጃኹም ሕቶኹም ብሒደት ቃላት ጽሓፉ።
dont-know = ይቕሬታ፣ መልሲ ናይዚ ሕቶ ኣይፈልጦን እየ። ብኻልእ ኣገባብ ክትሓቱ ወይ ምስ ሰብ ክትዛረቡ ትኽእሉ ኢኹም።
choose-topic = እንታይ ማለትኩም ምዃኑ ርግጸኛ ኣይኮንኩን። ካብዚኦም እቲ ንሕቶኹም ዝበለጸ ዝሰማማዕ ኣየናይ እዩ?
answer-language-note = እዚ መልሲ ገና ብ{ $wanted } የለን። ብ{ $shown } እንሆ።
draft-note = እዚ ትርጉም ገና ኣይተመርመረን። ዘይንጹር ነገር እንተልዩ ንሰብ ሕተቱ።
links-heading = ወግዓዊ ገጻት፦
related-heading = ተዛመድቲ ኣርእስትታት፦
button-helped = ሓጊዙኒ
button-not-helped = ኣይሓገዘንን
button-advisor = ምስ ሰብ ተዛረቡ
button-language = ቋንቋ
feedback-thanks = ስለ ዝሓበርኩምኒ የቐንየለይ!
feedback-sorry = ከም ዘይሓገዘኩም ይሓዝነኒ። ሕቶኹም ብኻልእ ኣገባብ ክትሓቱ ወይ ምስ ሰብ ክትዛረቡ ትኽእሉ ኢኹም።
language-menu = ቋንቋኹም ምረጹ፦
language-set = ካብ ሕጂ ንደሓር ብ{ $language } ክምልስ እየ።
forget-done = ብዛዕባኹም ዝዓቀብክዎ ኩሉ ደምሲሰዮ ኣለኹ።

## Talking to a person (advisors), danger, days.
advisor-unavailable = ኣብዚ ዕላል እዚ ምስ ሰብ ምዝራብ ገና ኣይከኣልን። ብቐጥታ ምስ ምምሕዳር ከተማ { $municipality } ክትራኸቡ ትኽእሉ ኢኹም።
ticket-created = ሕቶኹም ናብ ኣማኻሪ ኣመሓላሊፈዮ (ቁጽሪ { $ticket })። ሰብ ኣብዚ ክምልሰልኩም እዩ። ሕጂ እትጽሕፍዎ ኩሉ ናብ ኣማኻሪ ይበጽሕ።
ticket-created-urgent = ኣማኻሪ ብዝቐልጠፈ ኣብዚ ክጽሕፈልኩም እውን ሓቲተ ኣለኹ (ቁጽሪ { $ticket })። ሕጂ እትጽሕፍዎ ኩሉ ናብ ኣማኻሪ ይበጽሕ።
ticket-created-closed = ሕቶኹም ናብ ኣማኻሪ ኣመሓላሊፈዮ (ቁጽሪ { $ticket })። ኣማኸርቲ ሕጂ ኣይሰርሑን ኣለዉ። ካብ { $day } { $time } ጀሚሮም ክምልሱ እዮም። ሕጂ እትጽሕፍዎ ኩሉ ናብ ኣማኻሪ ይበጽሕ።
ticket-still-open = ምስ ኣማኻሪ ዘለኩም ዝርርብ (ቁጽሪ { $ticket }) ገና ክፉት እዩ። መልእኽትኹም ኣብዚ ጸሓፉ፤ ኣማኻሪ ከንብቦ እዩ።
ticket-waiting = ይቕሬታ፡ ገና ሕቶኹም ዝወሰደ ሰብ የለን። ክሳብ { $day } { $time } መልሲ ንጽበ። ኣብዚ ምጽሓፍ ክትቕጽሉ ትኽእሉ ኢኹም።
ticket-waiting-soon = ይቕሬታ፡ ገና ሕቶኹም ዝወሰደ ሰብ የለን። ኣማኻሪ ብዝቐልጠፈ ክምልስ እዩ። ኣብዚ ምጽሓፍ ክትቕጽሉ ትኽእሉ ኢኹም።
ticket-claimed = ሕጂ { $name } ይሕግዘኩም ኣሎ። { $name } ሰብ እዩ፡ ቦት ኣይኮነን።
advisor-says = { $name } (ኣማኻሪ):
ticket-closed = ኣማኻሪ ነዚ ዝርርብ ዓጽዩዎ። ሓድሽ ሕቶ ኣለኩም ድዩ? ሕተቱኒ። ኣብ ውሽጢ { $hours } ሰዓታት ነቲ ምስ ኣማኻሪ ዝነበረ ዝርርብ እንደገና ክትከፍትዎ ትኽእሉ ኢኹም።
ticket-reopened = ምስ ኣማኸርቲ ዘለኩም ዝርርብ እንደገና ተኸፊቱ (ቁጽሪ { $ticket })። መልእኽትኹም ኣብዚ ጸሓፉ።
ticket-reopen-expired = እዚ ዝርርብ እዚ እንደገና ክኽፈት ኣይክእልን። ሕቶኹም እንደገና ሕተቱ፡ ወይ ሰብ ሕተቱ።
back-to-bot = ሕራይ፡ ሕቶታትኩም እንደገና ክምልስ እየ። ኣማኻሪ ሕጂ እውን ኣብዚ ክጽሕፈልኩም ይኽእል እዩ።
relay-resumed = ሕጂ እትጽሕፍዎ ኩሉ እንደገና ናብ ኣማኻሪ ይበጽሕ።
button-back-to-bot = ናብ ቦት ተመለሱ
button-write-advisor = ናብ ኣማኻሪ ጸሓፉ
button-reopen = ዝርርብ እንደገና ክፈቱ
day-today = ሎሚ
day-tomorrow = ጽባሕ
day-mon = ሰኑይ
day-tue = ሰሉስ
day-wed = ረቡዕ
day-thu = ሓሙስ
day-fri = ዓርቢ
day-sat = ቀዳም
day-sun = ሰንበት

## Command menu.
command-start = ጀምሩን ቋንቋኹም ምረጹን
command-help = እንታይ ክገብር ከም ዝኽእል
command-language = ቋንቋኹም ምረጹ
command-advisor = ምስ ሰብ ተዛረቡ
command-forget = ብዛዕባኹም ዝተዓቀበ ኩሉ ደምስሱ

# Matrix: a message arrived that the bot could not decrypt.
matrix-undecryptable = ናይ መወዳእታ መልእኽትኹም ከንብቦ ኣይከኣልኩን፡ ተመስጢሩ እዩ መጺኡ፡ መፍትሕ ድማ ኣይበጽሐንን። በጃኹም ደጊምኩም ስደድዎ። እንተ ደጊሙ፡ ካብ ናይ Matrix ኣፕ ወጺእኩም ደጊምኩም እተዉ፡ ወይ ምሳይ ሓድሽ ዕላል ጀምሩ።

## Next to a link whose page is in another language than the reader's.
link-language = ገጽ ብ{ $language }

## A photo, document or voice message arrived while no advisor is reading along.
media-received = ጽሑፍ ጥራይ እየ ከንብብ ዝኽእል፡ ስእሊ፡ ሰነድ ወይ ናይ ድምጺ መልእኽቲ ኣይኮነን። ከተንብብዎ ዘይትኽእሉ ደብዳበ እንተሃልዩኩም፡ ሓደ ኣማኻሪ ምሳኹም ክርእዮ ይኽእል።

## Queue, leaving a question, partners, rating.
ticket-created-later = ሕቶኹም ናብ ኣማኸርቲ ኣመሓላሊፈዮ (ቁጽሪ { $ticket })። ሓደ ኣማኻሪ ነጻ ምስ ኮነ ኣብዚ ክምልሰልኩም እዩ። ሕጂ እትጽሕፍዎ ኩሉ ናብ ኣማኻሪ ይበጽሕ።
ticket-created-urgent-closed = ሓደ ኣማኻሪ ኣብዚ ክጽሕፈልኩም እውን ሓቲተ ኣለኹ (ቁጽሪ { $ticket })። ኣማኸርቲ ሕጂ ኣይሰርሑን ኣለዉ፤ { $day } ሰዓት { $time } እንደገና ይጅምሩ። ሕጂ ኣብ ሓደጋ እንተሎኹም፡ ናብ 112 ደውሉ።
button-queue = ኣብ መስርዕ ቁጽረይ ክንደይ እዩ?
queue-position = ኣብ መስርዕ ቁጽሪ { $position } ኢኹም።
queue-wait-minutes = ዝጽበ ግዜ: ካብ { $low } ክሳብ { $high } ደቒቕ።
queue-wait-hours = ዝጽበ ግዜ: ካብ { $low } ክሳብ { $high } ሰዓት።
queue-wait-closing = ኣማኸርቲ ሎሚ ሰዓት { $closes } ስራሕ የቋርጹ። ቅድሚኡ ነጻ ዝኾነ ሰብ እንተዘየሎ፡ ካብ { $day } { $time } ጀሚሩ መልሲ ክትረኽቡ ኢኹም።
queue-opens = ኣማኸርቲ { $day } ሰዓት { $time } እንደገና ይጅምሩ።
queue-none = ሕጂ ንኣማኻሪ ኣይትጽበዩን ኢኹም።
person-closed = ኣማኸርትና ሕጂ ኣይሰርሑን ኣለዉ። { $day } ሰዓት { $time } እንደገና ይጅምሩ።
person-all-away = ሕጂ ዝርከብ ኣማኻሪ የለን።
person-no-language = ሕጂ { $language } ዝዛረብ ዝርከብ ኣማኻሪ የለን። ኣማኸርትና እዚኦም ቋንቋታት ይዛረቡ: { $languages }።
person-leave-offer = ሕቶኹም ኣብዚ ክትገድፍዎ ትኽእሉ ኢኹም። ሓደ ኣማኻሪ ድሒሩ ኣብዚ ዕላል ክምልሰልኩም እዩ፤ ኣብዚ ክትጽበዩ ኣየድልየኩምን።
button-leave = ሕቶይ ክገድፍ
partner-says = { $name } (ምስ ምምሕዳር ከተማ ዝሰርሕ):
ticket-partner = ካብ ሕጂ { $name } ይሕግዘኩም። እዚ ትካል ምስ gemeente (ምምሕዳር ከተማ) ይሰርሕ። መልእኽትታትኩም ኣብዚ የንብቡ፡ ግን ስም ሕሳብኩም ወይ ቁጽሪ ተሌፎንኩም ኣይርእዩን።
rating-question = እዚ ምስ ኣማኻሪ ዝገበርኩምዎ ዝርርብ ሓጊዙኩም ድዩ?
rating-yes = እወ
rating-partly = ብኸፊል
rating-no = ኣይፋል
rating-thanks = ስለ መልስኹም የቐንየልና! ንዝሓሸ ክንሰርሕ ይሕግዘና።

# Offers of a person when none can come now (outside office hours, everyone away, or nobody who speaks
# the language): the question can be left, and an advisor answers here later.
dont-know-later = ይቕሬታ፣ መልሲ ናይዚ ሕቶ ኣይፈልጦን እየ። ብኻልእ ኣገባብ ክትሓቱ ወይ ሕቶኹም ንኣማኻሪ ክትገድፍዎ ትኽእሉ ኢኹም። ኣማኻሪ ድሒሩ ኣብዚ ክምልሰልኩም እዩ።
feedback-sorry-later = ከም ዘይሓገዘኩም ይሓዝነኒ። ሕቶኹም ብኻልእ ኣገባብ ክትሓቱ ወይ ንኣማኻሪ ክትገድፍዎ ትኽእሉ ኢኹም። ኣማኻሪ ድሒሩ ኣብዚ ክምልሰልኩም እዩ።
media-received-later = ጽሑፍ ጥራይ እየ ከንብብ ዝኽእል፡ ስእሊ፡ ሰነድ ወይ ናይ ድምጺ መልእኽቲ ኣይኮነን። ከተንብብዎ ዘይትኽእሉ ደብዳበ እንተሃልዩኩም፡ ሕቶኹም ግደፉ፤ ሓደ ኣማኻሪ ድሒሩ ምሳኹም ክርእዮ ይኽእል።
# The advisor or partner who was helping cannot go on; the question waits for the next advisor.
ticket-back-in-queue = እቲ ዝሕግዘኩም ዝነበረ ሰብ ብሕቶኹም ክቕጽል ኣይክእልን እዩ። ሕቶኹም ናብቶም ካልኦት ኣማኸርቲ ተመሊሱ ኣሎ፤ እንደገና ክትሓቱ ኣየድልየኩምን።
