# Files in an exercise: a dictation’s recording, pictures in the statement, a pupil’s spoken answer.

files-recording = Arregistramentu di u dittatu
files-no-recording = Ùn c’hè ancu arregistramentu : sceglite un schedariu audio o arregistratevi.
files-choose-audio = Sceglie un schedariu audio
files-record = Arregistrà cù u micru
files-stop = Piantà l’arregistramentu
files-recording-now = Arregistramentu in corsu…
files-uploading = Mandata di u schedariu…
files-uploaded = Schedariu mandatu.
files-insert-picture = Mette una fiura in u dettu
files-too-big = U schedariu passa { NUMBER($max) } Mo.
files-not-audio = Stu schedariu ùn hè micca un arregistramentu accettatu (Ogg, Opus, WebM, MP3, M4A o WAV).
files-not-image = Stu schedariu ùn hè micca una fiura accettata (PNG, JPEG, GIF o WebP).
files-not-resource = Stu schedariu ùn hè nè un ducumentu PDF, nè una fiura (PNG, JPEG, GIF, WebP), nè un arregistramentu (Ogg, WebM, MP3, M4A, WAV).
files-not-archive = Stu schedariu ùn hè micca un archiviu .zip.
files-empty = U schedariu hè viotu.
files-no-microphone = U micru ùn hè micca dispunibule : permettitelu in u navigatore, o sceglite un schedariu.

# A pupil's spoken answer.
files-attempt-closed = Sta copia ùn piglia più risposte : hè resa, o u duvere hè chjosu.
files-answer-recording = Risposta orale
files-answer-none = Ùn c’hè ancu arregistramentu.
files-answer-record = Arregistrà a mo risposta
files-answer-record-again = Arregistrà torna
files-answer-stop = Piantà l’arregistramentu
files-answer-delete = Toglie l’arregistramentu
files-answer-no-microphone = Ùn si pò arregistrà : ùn c’hè micca micru dispunibule, o u so accessu hè statu ricusatu. Permettite u micru in u navigatore, po pruvate torna.
files-part-failed = A mandata di u schedariu s’hè interrotta : pruvate torna.
