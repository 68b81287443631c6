# Wegwijs: ready replies advisors send with "/reply-canned N id" (see locales/en/replies.ftl).

reply-photo = ናይቲ ደብዳበ ስእሊ ክትሰዱ ትኽእሉ ዶ? ኩሉ ጽሑፍ ብንጹር ከም ዝንበብ ኣረጋግጹ። BSN (ቁጽሪ ዜግነት ኣገልግሎት) ከምኡውን ሓበሬታ ባንክኹም ክትሽፍንዎ ትኽእሉ ኢኹም።
reply-moment = የቐንየልና። ሕቶኹም ሕጂ ይምርምሮ ኣለኹ፤ በጃኹም ቁሩብ ተጸበዩ።
reply-later = እዚ ክምርምሮ እሞ ጽባሕ ኣብዚ ክምለሰልኩም እየ።
reply-desk = በጃኹም ናብ መቐበሊ ቤት ጽሕፈት International Centre ምጹ። ነቲ ደብዳበን መንነት ወረቐትኹምን ሒዝኩም ምጹ።
reply-call = በጃኹም ብዛዕባ እዚ ናብ gemeente (ምምሕዳር ከተማ) ደውሉ። ፋይልኩም ክርእዩ ይኽእሉ እዮም። ቁጽሪ ተሌፎኖም ኣብ ደብዳበ ምምሕዳር ከተማ ወይ ኣብ ወብሳይቶም ትረኽብዎ።
reply-elsewhere = በዚ ክንሕግዘኩም ኣይንኽእልን ኢና፡ ግን { $who } ክሕግዘኩም ይኽእል። በጃኹም ርኸብዎም።
reply-thanks = ስለ መልእኽትኹም የቐንየልና። ክሕግዘኩም ብምኽኣለይ ሕጉስ እየ። ዕድል ይሃብኩም!
