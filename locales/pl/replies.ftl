# Wegwijs: ready replies advisors send with "/reply-canned N id" (see locales/en/replies.ftl).

reply-photo = Czy można przesłać zdjęcie listu? Proszę sprawdzić, czy cały tekst da się przeczytać. Można zakryć numer BSN i dane bankowe.
reply-moment = Dziękuję. Sprawdzam teraz to pytanie; proszę chwilę poczekać.
reply-later = Sprawdzę to i jutro odpiszę tutaj.
reply-desk = Prosimy przyjść do okienka International Centre. Należy zabrać list i dokument tożsamości.
reply-call = W tej sprawie trzeba zadzwonić do gminy (gemeente). Tam mogą sprawdzić Państwa sprawę. Numer telefonu jest w liście z gminy albo na jej stronie internetowej.
reply-elsewhere = W tej sprawie nie możemy pomóc, ale może pomóc { $who }. Prosimy się z nimi skontaktować.
reply-thanks = Dziękuję za wiadomość. Cieszę się, że mogłem pomóc. Powodzenia!
