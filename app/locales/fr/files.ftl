# Files in an exercise: a dictation’s recording, pictures in the statement, a pupil’s spoken answer.

files-recording = Enregistrement de la dictée
files-no-recording = Pas encore d’enregistrement : choisissez un fichier audio ou enregistrez-vous.
files-choose-audio = Choisir un fichier audio
files-record = Enregistrer avec le micro
files-stop = Arrêter l’enregistrement
files-recording-now = Enregistrement en cours…
files-uploading = Envoi du fichier…
files-uploaded = Fichier envoyé.
files-insert-picture = Insérer une image dans l’énoncé
files-too-big = Le fichier dépasse { NUMBER($max) } Mo.
files-not-audio = Ce fichier n’est pas un enregistrement accepté (Ogg, Opus, WebM, MP3, M4A ou WAV).
files-not-image = Ce fichier n’est pas une image acceptée (PNG, JPEG, GIF ou WebP).
files-not-resource = Ce fichier n’est ni un document PDF, ni une image (PNG, JPEG, GIF, WebP), ni un enregistrement (Ogg, WebM, MP3, M4A, WAV).
files-not-archive = Ce fichier n’est pas une archive .zip.
files-empty = Le fichier est vide.
files-no-microphone = Le micro n’est pas disponible : autorisez-le dans le navigateur, ou choisissez un fichier.

# A pupil's spoken answer.
files-attempt-closed = Cette copie ne prend plus de réponse : elle est rendue, ou le devoir est fermé.
files-answer-recording = Réponse orale
files-answer-none = Pas encore d’enregistrement.
files-answer-record = Enregistrer ma réponse
files-answer-record-again = Enregistrer à nouveau
files-answer-stop = Arrêter l’enregistrement
files-answer-delete = Supprimer l’enregistrement
files-answer-no-microphone = Impossible d’enregistrer : aucun micro n’est disponible, ou son accès a été refusé. Autorisez le micro dans le navigateur, puis réessayez.
files-part-failed = L’envoi du fichier s’est interrompu : réessayez.
