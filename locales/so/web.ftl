# Wegwijs: texts of the web chat (the page and the widget). Same message ids in every language.

web-title = Wegwijs: caawimaad loogu talagalay dadka cusub ee { $municipality }
web-open = Su'aalo ma qabtaa? La sheekayso Wegwijs
web-close = Xir sheekada
web-conversation = Sheekada Wegwijs
web-you = Adiga
web-bot = Wegwijs
web-question-label = Su'aashaada
web-placeholder = Halkan ku qor su'aashaada
web-send = Dir
web-typing = Wegwijs wuu qorayaa…
web-forget = I illow
web-forget-confirm = Ma tirtiraysaa sheekadan iyo wax kasta oo lagaa kaydiyay?
web-forget-yes = Haa, tirtir
web-forget-no = Jooji
web-slow-down = Fariimo aad u dhakhso badan ayaad soo diraysaa. Fadlan wax yar sug, kadibna mar kale isku day.
web-too-long = Fariintani aad bay u dheer tahay. Fadlan ha dhaafin { $max } xaraf.
web-offline = Xiriirka ayaa go'ay. Waxaa la isku dayayaa in dib loo xiriiriyo…
web-new-tab = (waxay ka furmaysaa tab cusub)
web-noscript = Sheekadan waxay u baahan tahay JavaScript. Sidoo kale waxaad si toos ah ula xiriiri kartaa dowladda hoose ee { $municipality }.
web-privacy = Sheekadan waxaa lagu kaydiyaa biraawsarkan. “I illow” ayaa tirtiraya, halkan iyo dowladda hoose labadaba.
web-error = Wax baa khaldamay. Fadlan dhawaan mar kale isku day.
