# Wegwijs: ready replies advisors send with "/reply-canned N id" (see locales/en/replies.ftl).

reply-photo = 您能发一张这封信的照片吗？请确保所有文字都能看清。您可以遮住您的 BSN（公民服务号）和银行信息。
reply-moment = 谢谢。我现在正在查看您的问题，请稍等。
reply-later = 我会查一下这件事，明天在这里回复您。
reply-desk = 请到 International Centre 的服务台来。请带上这封信和您的身份证件。
reply-call = 请就此事给 gemeente（市政府）打电话。他们可以查看您的档案。电话号码在市政府的信上或网站上。
reply-elsewhere = 这件事我们帮不了您，但 { $who } 可以。请与他们联系。
reply-thanks = 谢谢您的消息。很高兴能帮到您。祝您一切顺利！
