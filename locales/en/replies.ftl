# Wegwijs: ready replies advisors send with "/reply-canned N id" (or a button on the ticket), in the
# newcomer's language. The id is the part after "reply-". Every language has every reply (the tests
# check it); .label is the short name advisors see, in English and Dutch. { $who } is a name the
# advisor types after the id (reply-elsewhere).

reply-photo = Could you send a photo of the letter? Please make sure all the text can be read. You may cover your BSN and bank details.
    .label = Photo of the letter
reply-moment = Thank you. I am looking into your question now; please wait a moment.
    .label = One moment
reply-later = I will look into this and come back to you here tomorrow.
    .label = Back tomorrow
reply-desk = Please come to the desk of the International Centre. Bring the letter and your ID.
    .label = Come to the desk
reply-call = Please call the municipality about this. They can look at your file. You find their phone number on the municipality's letter or website.
    .label = Call the municipality
reply-elsewhere = We cannot help you with this, but { $who } can. Please contact them.
    .label = Someone else can help
reply-thanks = Thank you for your message. I am glad I could help. Good luck!
    .label = Thank you
