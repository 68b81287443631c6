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
    ሰላም! ኣነ Wegwijs እየ፣ ን{ $municipality } ሓደስቲ መጻእቲ ዝሕግዝ።
    ብቋንቋኻ ሕቶ ሕተተኒ፣ ንኣብነት ብዛዕባ ምምዝጋብ ኣድራሻ፣ ናይ ጥዕና ውሕስነት ወይ ምምሃር ሆላንድኛ።
    ምስ ናብ ወግዓዊ ገጻት ዝወስዱ መላግቦታት እምልስ። ክሕግዘካ እንተዘይክኢለ፣ ሓደ ሰብ ክሕግዘካ ክሓትት እኽእል እየ።
help =
    ብቋንቋኻ ብሒደት ቃላት ሕቶ ሕተተኒ።
    /language: ቋንቋኻ ምረጽ
    /advisor: ምስ ሰብ ተዛረብ
    /forget: ብዛዕባኻ ዝተዓቀበ ኩሉ ደምስስ
    /help: ነዚ ሓገዝ ኣርኢ
unknown-command = ነዚ ትእዛዝ ኣይፈልጦን እየ። እንታይ ክገብር ከም ዝኽእል ንምርኣይ /help ጽሓፍ።
empty-question = በጃኻ ሕቶኻ ብሒደት ቃላት ጽሓፍ።
dont-know = ይቕሬታ፣ መልሲ ናይዚ ሕቶ ኣይፈልጦን እየ። ብኻልእ ኣገባብ ክትሓትት ወይ ምስ ሰብ ክትዛረብ ትኽእል ኢኻ።
choose-topic = እንታይ ማለትካ ምዃኑ ርግጸኛ ኣይኮንኩን። ካብዚኦም እቲ ንሕቶኻ ዝበለጸ ዝሰማማዕ ኣየናይ እዩ?
answer-language-note = እዚ መልሲ ገና ብ{ $wanted } የለን። ብ{ $shown } እንሆ።
draft-note = እዚ ትርጉም ገና ኣይተመርመረን። ዘይንጹር ነገር እንተልዩ ንሰብ ሕተት።
links-heading = ወግዓዊ ገጻት፦
related-heading = ተዛመድቲ ኣርእስትታት፦
button-helped = ሓጊዙኒ
button-not-helped = ኣይሓገዘንን
button-advisor = ምስ ሰብ ተዛረብ
button-language = ቋንቋ
feedback-thanks = ስለ ዝሓበርካኒ የቐንየለይ!
feedback-sorry = ከም ዘይሓገዘካ ይሓዝነኒ። ሕቶኻ ብኻልእ ኣገባብ ክትሓትት ወይ ምስ ሰብ ክትዛረብ ትኽእል ኢኻ።
advisor-requested = ሓደ ኣማኻሪ ክሕግዘካ ክሓቶ እየ። ኣማኻሪ ቋንቋኻ ዝዛረብ ሰብ እዩ። በጃኻ መልሱ ኣብዚ ተጸበ።
language-menu = ቋንቋኻ ምረጽ፦
language-set = ካብ ሕጂ ንደሓር ብ{ $language } ክምልስ እየ።
forget-done = ብዛዕባኻ ዝዓቀብክዎ ኩሉ ደምሲሰዮ ኣለኹ።
