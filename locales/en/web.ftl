# Wegwijs: texts of the web chat (the page and the widget). Same message ids in every language.

web-title = Wegwijs: help for newcomers in { $municipality }
web-open = Questions? Chat with Wegwijs
web-close = Close the chat
web-conversation = Conversation with Wegwijs
web-you = You
web-bot = Wegwijs
web-question-label = Your question
web-placeholder = Type your question here
web-send = Send
web-typing = Wegwijs is writing…
web-forget = Forget me
web-forget-confirm = Delete this conversation and everything stored about you?
web-forget-yes = Yes, delete
web-forget-no = Cancel
web-slow-down = You are sending messages very quickly. Please wait a moment, then try again.
web-too-long = This message is too long. Please keep it under { $max } characters.
web-offline = The connection was lost. Trying to reconnect…
web-new-tab = (opens in a new tab)
web-noscript = This chat needs JavaScript. You can also contact the municipality of { $municipality } directly.
web-privacy = This conversation is saved in this browser. “Forget me” deletes it, here and at the municipality.
web-error = Something went wrong. Please try again in a moment.
