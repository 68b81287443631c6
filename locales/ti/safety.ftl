# See locales/en/safety.ftl.
safeguarding-now = ንስኹም ወይ ካልእ ሰብ ሕጂ ኣብ ሓደጋ ዲኹም ዘለኹም? ናብ 112 ደውሉ።
safeguarding-112 = 112: ቁጽሪ ህጹጽ ረድኤት ንፖሊስ፡ ኣምቡላንስን ሓዊ መጥፍእትን (ብነጻ፡ ለይትን መዓልትን)።
safeguarding-113 = 113 Zelfmoordpreventie (ምክልኻል ርእሰ-ቕትለት): ናብ 113 ወይ 0800 0113 ደውሉ (ብነጻን ስምኩም ከይሃብኩምን፡ ለይትን መዓልትን)፡ ወይ ኣብ 113.nl ብጽሑፍ ተዘራረቡ።
safeguarding-veilig-thuis = Veilig Thuis (ናይ ገዛ ዓመጽ፡ ኣብ ቆልዑ ዝበጽሕ ግፍዒ): ናብ 0800 2000 ደውሉ (ብነጻ፡ ለይትን መዓልትን)።
safeguarding-csg = Centrum Seksueel Geweld (ምዕማጽ፡ ጾታዊ ዓመጽ): ናብ 0800 0188 ደውሉ (ብነጻ፡ ለይትን መዓልትን)።
safeguarding-police = ፖሊስ፡ ህጹጽ ኣብ ዘይኮነሉ እዋን: 0900 8844።
safeguarding-exploitation = ኣብ ስራሕ ምዝመዛ (ፓስፖርትኹም ተወሲዱ፡ ደሞዝ ኣይተኸፍለኩምን፡ ክትወጹ ኣይፍቀደልኩምን): ናብ Nederlandse Arbeidsinspectie ብ 0800 5151 ደውሉ (ስምኩም ከይሃብኩም ክትድውሉ ትኽእሉ ኢኹም)፡ ወይ ንሓገዝን መዕቈብን ናብ CoMensha ብ 033 448 11 86 ደውሉ።
safeguarding-more = ስምኩም ክትህቡ ኣየድልየኩምን። ሓደ ኣማኻሪ እውን ኣብዚ ክጽሕፈልኩም እዩ።
