//! Every selector the browser tests use, in one place, and the steps people take.

use super::{Browser, PASSWORD};

pub const USERNAME: &str = "#username";
pub const PASSWORD_INPUT: &str = "#password";
pub const SUBMIT: &str = "form button[type=submit]";
pub const ERROR_BANNER: &str = ".error-banner";
pub const CHARTER_AGREE: &str = "#charter-agree";
pub const CHARTER_ACCEPT: &str = "button.primary";
pub const HEADING: &str = "main h1";
pub const SERVICES: &str = "ul.services";
pub const SCHOOLS: &str = "ul.schools";
pub const CHILDREN: &str = "ul.children";
pub const SIGN_OUT: &str = "button.sign-out";
pub const WHO: &str = ".topbar .who";
pub const LANG_CO: &str = ".topbar .lang-switch button[lang=co]";
pub const LANG_FR: &str = ".topbar .lang-switch button[lang=fr]";
pub const CURRENT_PASSWORD: &str = "#current-password";
pub const NEW_PASSWORD: &str = "#new-password";
pub const CONFIRM_PASSWORD: &str = "#confirm-password";
pub const FIELD_ERROR: &str = ".field-error";
pub const STATUS: &str = "[role=status]";
pub const CHARTER_FR: &str = "#charter-fr";
pub const CHARTER_CO: &str = "#charter-co";
pub const CHARTER_PUBLISH: &str = "[aria-labelledby=charter-editor] form button.primary";
pub const SCHOOL_UAI: &str = "#school-uai";
pub const SCHOOL_NAME: &str = "#school-name";
pub const SCHOOL_KIND: &str = "#school-kind";
pub const SCHOOL_CREATE: &str = "[aria-labelledby=schools-title] form button.primary";
pub const SCHOOLS_TABLE: &str = "table.schools-table";
pub const NEW_FIRST_NAME: &str = "#new-first-name";
pub const NEW_LAST_NAME: &str = "#new-last-name";
pub const CREATE_ACCOUNT: &str = ".admin-create button[type=submit]";
pub const ONE_TIME_USERNAME: &str = ".one-time code.username";
pub const ONE_TIME_PASSWORD: &str = ".one-time code.password";
pub const ADMIN_PARTS: &str = ".admin-parts button";
pub const AUDIT_SCOPE: &str = "#audit-scope";
pub const AUDIT_KIND: &str = "#audit-kind";
pub const AUDIT_LOGIN: &str = "#audit-login";
pub const AUDIT_FILTER: &str = ".audit-filters button[type=submit]";
pub const AUDIT_TABLE: &str = "table.audit-table";
pub const AUDIT_EMPTY: &str = ".audit-empty";

impl Browser {
    pub async fn sign_in_as(&self, username: &str, password: &str) {
        self.open("/").await;
        self.fill(USERNAME, username).await;
        self.fill(PASSWORD_INPUT, password).await;
        self.click(SUBMIT).await;
    }

    /// Signs in a demo account and accepts the charter; ends on the home page.
    pub async fn enter_as(&self, username: &str) {
        self.sign_in_as(username, PASSWORD).await;
        self.click(CHARTER_AGREE).await;
        self.click(CHARTER_ACCEPT).await;
        self.find(SERVICES).await;
    }

    pub async fn sign_out(&self) {
        self.click(SIGN_OUT).await;
        self.find(USERNAME).await;
    }

    /// From the home page, a new exercise in the school named `school`.
    pub async fn new_exercise(&self, school: &str) {
        self.click(EXERCISES_SERVICE).await;
        self.find_xpath(&new_exercise_in(school))
            .await
            .click()
            .await
            .expect("new exercise");
    }

    /// Picks the group whose name ends with `name` in the form giving an exercise.
    pub async fn choose_group(&self, name: &str) {
        let group = self.find(ASSIGN_GROUP).await;
        let mut value = None;
        for option in self
            .client
            .find_all(fantoccini::Locator::Css(&format!("{ASSIGN_GROUP} option")))
            .await
            .expect("options")
        {
            if option.text().await.unwrap_or_default().ends_with(name) {
                value = option.attr("value").await.ok().flatten();
            }
        }
        group
            .select_by_value(&value.unwrap_or_else(|| panic!("{name} offered")))
            .await
            .expect("group chosen");
    }

    /// Signs out, then in again as someone who has accepted the charter already.
    pub async fn back_as(&self, username: &str) {
        self.sign_out().await;
        self.sign_in_as(username, PASSWORD).await;
        self.find(SERVICES).await;
    }
}

/// The Enter key, as `send_keys` takes it.
pub const ENTER: &str = "\u{E007}";

// Sessions and two-factor sign-in.
pub const IDLE_WARNING: &str = ".idle-warning";
pub const IDLE_STAY: &str = ".idle-warning button.idle-stay";
pub const SESSIONS_TABLE: &str = "table.sessions-table";
pub const SECOND_FACTOR_BEGIN: &str = "button.second-factor-begin";
pub const TOTP_SECRET: &str = "code.totp-secret";
pub const TOTP_QR: &str = ".second-factor img.qr";
pub const TOTP_CODE: &str = "#totp-code";
pub const ENROL_CONFIRM: &str = ".enrolment button[type=submit]";
pub const RECOVERY_CODES: &str = "ul.recovery-codes-list";
pub const RECOVERY_NOTED: &str = "button.recovery-noted";
pub const SECOND_FACTOR_ON: &str = ".second-factor .status-on";

// Exercises.
pub const EXERCISES_SERVICE: &str = "ul.services a[href='/exercises']";
pub const SHEET_TITLE: &str = ".sheet h1";
pub const SAVED: &str = ".saving[data-state=saved]";
pub const ON_DEVICE: &str = ".saving[data-state=on-device]";
/// The exercises area running on what the device kept, the server out of reach.
pub const OFFLINE_BANNER: &str = ".offline-banner";
/// A sheet opened from the sitting kept on the device.
pub const OPENED_HERE: &str = ".sheet .opened-here";
pub const HAND_IN: &str = "button.hand-in";
pub const HANDED_IN_SCORE: &str = ".handed-in .score";
pub const CHECK_ANSWERS: &str = "button.check";
pub const PROVISIONAL: &str = ".provisional";
pub const ASSIGNED: &str = "ul.assignments";
pub const CHILD_EXERCISES: &str = "section.assigned.child";
pub const RESULTS_TABLE: &str = "table.results-table";
pub const RESULTS_CSV: &str = "a.csv";

/// The list of a parent's child whose name holds `name`.
pub fn child_exercises(name: &str) -> String {
    format!("//section[contains(@class,'child')][contains(.//h2,'{name}')]")
}

/// The "do it" link of the assignment titled `title` in the pupil's list.
pub fn do_assignment(title: &str) -> String {
    format!(
        "//li[contains(@class,'assignment')][.//h3[normalize-space()='{title}']]\
         //a[contains(@class,'do')]"
    )
}

/// A text field of an exercise item (short text, number, dictation, free text).
pub fn answer(item: &str) -> String {
    format!("#answer-{item}")
}

/// Gap `n` (from 0) of a cloze item.
pub fn gap(item: &str, n: usize) -> String {
    format!("#gap-{item}-{n}")
}

/// The drop-down placing `card` of a matching or categorising item.
pub fn place(item: &str, card: &str) -> String {
    format!("#place-{item}-{card}")
}

/// The button moving `card` of an ordering item one place up.
pub fn move_up(item: &str, card: &str) -> String {
    format!("#up-{item}-{card}")
}

/// The cards of an ordering item, in the order shown.
pub fn ordering_cards(item: &str) -> String {
    format!("[data-item={item}] ol.ordering li")
}

/// The character bar's button inserting `c`.
pub fn insert_char(c: &str) -> String {
    format!(".char-bar button[data-char='{c}']")
}

/// The mark given to `item` (checked in the browser, or by the server once handed in).
pub fn mark(item: &str) -> String {
    format!("[data-item={item}] .mark")
}
pub const EXERCISE_TITLE: &str = "#exercise-title";
pub const EXERCISE_LANGUAGE: &str = "#exercise-language";
pub const NEW_ITEM_TYPE: &str = "#new-item-type";
pub const ADD_ITEM: &str = "button.add-item-button";
pub const ITEM_EDITORS: &str = "li.item-editor";
pub const PREVIEW_ITEMS: &str = ".preview section.item";
pub const PROBLEMS: &str = ".save-bar .problems";
pub const SAVE_EXERCISE: &str = ".save-bar button.save";
pub const UNDO: &str = "button.undo";
pub const ASSIGN_GROUP: &str = "#assign-group";
pub const ASSIGN_FEEDBACK: &str = "#assign-feedback";
pub const ASSIGN_SUBMIT: &str = ".assign button[type=submit]";
pub const ASSIGN_DONE: &str = ".assign .success";

/// The "new exercise" button of the teacher's list in the school named `school`.
pub fn new_exercise_in(school: &str) -> String {
    format!(
        "//section[contains(@class,'written')][contains(.//h2,'{school}')]\
         //a[contains(@class,'new-exercise')]"
    )
}

/// A field of the item at `index` (from 0) of the exercise editor: `prompt`, `points`,
/// `choice-0`, `right-1`, `answer-0`, `variants-0`, `cloze-0`, `value-0`, `card-2`, `left-0`…
pub fn item_field(index: usize, field: &str) -> String {
    format!("#field-{index}-{field}")
}

/// A button (`delete`) of the teacher's exercise titled `title` in their list.
pub fn written_action(title: &str, class: &str) -> String {
    format!("section.written li.exercise[data-title='{title}'] button.{class}")
}

/// The delete button of the item at `index` in the editor.
pub fn delete_item(index: usize) -> String {
    format!("li.item-editor[data-index='{index}'] button.delete")
}

// Importing, exporting, results in depth.
pub const IMPORT_FILE: &str = "#import-file";
pub const IMPORT_FORMAT: &str = "#import-format";
pub const IMPORT_READ: &str = ".import form button[type=submit]";
pub const IMPORT_REPORT: &str = ".import-report";
pub const IMPORT_CREATE: &str = "button.import-create";
pub const EXPORT_GIFT: &str = "button.export-gift";
pub const DOWNLOAD_GIFT: &str = "a.download-gift";
pub const NOT_EXPORTED: &str = ".not-exported";
pub const ASSIGN_ATTEMPTS: &str = "#assign-attempts";
pub const BY_ITEM: &str = "section.by-item";
pub const FREE_ANSWERS: &str = "ul.free-answers";
pub const MARK_POINTS: &str = "ul.free-answers input.mark-points";
pub const MARK_SAVE: &str = "ul.free-answers form button[type=submit]";
pub const MARK_NOTICE: &str = ".to-mark .notice";
pub const UNDO_MARK: &str = "button.undo-mark";

/// The "import questions" button of the teacher's list in the school named `school`.
pub fn import_in(school: &str) -> String {
    format!(
        "//section[contains(@class,'written')][contains(.//h2,'{school}')]\
         //a[contains(@class,'import-exercise')]"
    )
}

// Sequences.
pub const SEQUENCES_SERVICE: &str = "ul.services a[href='/sequences']";
pub const SEQUENCE_TITLE: &str = "#sequence-title";
pub const SEQUENCE_DISCIPLINE: &str = "#sequence-discipline";
pub const SEQUENCE_LEVEL: &str = "#sequence-level";
pub const SEQUENCE_LICENCE: &str = "#sequence-licence";
pub const SEQUENCE_PROBLEMS: &str = ".sequence-save .problems";
pub const ADD_LESSON: &str = "button.add-lesson";
pub const ADD_LINK: &str = "button.add-link";
pub const ADD_EXERCISE: &str = "button.add-exercise";
pub const ADD_FILE: &str = "input.add-file";
pub const STEP_FORMS: &str = "ol.step-forms > li";
pub const SAVE_SEQUENCE: &str = ".sequence-save button.save";
pub const PUBLISH_TOGGLE: &str = "button.publish-toggle";
pub const GIVEN_LIST: &str = "section.given";
pub const JOURNEY_TITLE: &str = ".journey h1";
pub const STEP_SHOWN: &str = ".step-shown";
pub const MARK_DONE: &str = "button.mark-done";
pub const NEXT_STEP: &str = ".step-nav button.next";
pub const DO_EXERCISE: &str = "a.do-exercise";
pub const PROGRESS_WORDS: &str = ".journey .progress-words";
pub const LIBRARY_LINK: &str = "a[href='/sequences/library']";
pub const LIBRARY_TEXT: &str = "#library-text";
pub const LIBRARY_SEARCH: &str = "button.search";
pub const LIBRARY_RESULTS: &str = "ul.library";
pub const COPY_BUTTON: &str = "button.copy-button";
pub const CREDITS: &str = ".credits";
pub const EXPORT_ARCHIVE: &str = "button.export-archive";
pub const ARCHIVE_DOWNLOAD: &str = "a.archive-download";
pub const IMPORT_ERROR: &str = ".archive-import .import-error";

/// The link that opens the teacher's own sequence titled `title` in the editor.
pub fn edit_sequence(title: &str) -> String {
    format!("//section[contains(@class,'written')]//h3/a[normalize-space()='{title}']")
}

/// The archive file field of the teacher's list in the school whose name holds `school`.
pub fn import_archive_in(school: &str) -> String {
    format!(
        "//section[contains(@class,'written')][contains(.//h2,'{school}')]\
         //input[contains(@class,'archive-file')]"
    )
}

/// The "new sequence" link of the teacher's list in the school whose name holds `school`.
pub fn new_sequence_in(school: &str) -> String {
    format!(
        "//section[contains(@class,'written')][contains(.//h2,'{school}')]\
         //a[contains(@class,'new-sequence')]"
    )
}

/// The link that opens the given sequence titled `title` in a list.
pub fn go_to_sequence(title: &str) -> String {
    format!(
        "//li[contains(@class,'sequence')][.//h3[normalize-space()='{title}']]\
         //a[contains(@class,'go')]"
    )
}

/// A field of the `n`th step's form (from 0): `step-title`, `lesson-text`, `link-url`,
/// `exercise-choice`.
pub fn step_field(n: usize, field: &str) -> String {
    format!("ol.step-forms > li:nth-child({}) .{field}", n + 1)
}

/// Files in the exercise editor: the file field of a dictation's recording (item at `index`),
/// its player, the statement's picture field; the dictation's player on the pupil's sheet.
pub fn recording_file(index: usize) -> String {
    format!("#field-{index}-audio-file")
}
pub fn recording_player(index: usize) -> String {
    format!(".item-editor[data-index='{index}'] audio.recording-player")
}
pub const STATEMENT_PICTURE: &str = "#statement-picture";
pub const EXERCISE_STATEMENT: &str = "#exercise-statement";
pub const DICTATION_PLAYER: &str = ".sheet audio.dictation-audio";

/// A pupil's spoken answer on the sheet: record, stop, delete, the recording heard back; and
/// the same recording among the free answers the teacher marks.
pub const RECORD_ANSWER: &str = ".sheet .spoken-answer button.record-answer";
pub const STOP_RECORDING: &str = ".sheet .spoken-answer button.stop-recording";
pub const DELETE_RECORDING: &str = ".sheet .spoken-answer button.delete-recording";
pub const ANSWER_RECORDING: &str = ".sheet .spoken-answer audio.answer-audio";
pub const RECORDING_SENT: &str = ".sheet .spoken-answer .success";
pub const MARK_RECORDING: &str = "ul.free-answers audio.answer-audio";

/// The link to a child's work handed in, on the assignment titled `title` of a parent's list.
pub fn see_work(title: &str) -> String {
    format!(
        "//li[contains(@class,'assignment')][.//h3[normalize-space()='{title}']]\
         //a[contains(@class,'see-work')]"
    )
}

// Timetables (`pages/timetable`).
pub const TIMETABLE_SERVICE: &str = "ul.services a[href='/timetable']";
pub const WEEK: &str = "section.week";
pub const WEEK_HEADING: &str = "#week-heading";
pub const WEEK_LESSONS: &str = "section.week li.lesson";
pub const WEEK_NEXT: &str = ".week-bar button:nth-of-type(2)";
pub const WEEK_THIS: &str = ".week-bar button.link";
pub const WEEK_WHOSE: &str = ".week-whose";

// The cahier de textes and homework.
pub const WEEK_CAHIER_LINK: &str = "section.week li.lesson a";
pub const ENTRY_TEXT: &str = "#entry-text";
pub const ENTRY_SAVE: &str = "section[aria-labelledby='done-heading'] button[type='submit']";
pub const ENTRY_SAVED: &str = "section[aria-labelledby='done-heading'] [role='status']";
pub const HOMEWORK_WHAT: &str = "#homework-what-new";
pub const HOMEWORK_DUE: &str = "#homework-due-new";
pub const HOMEWORK_ONLINE: &str = "#homework-online-new";
pub const HOMEWORK_SAVE: &str = "form.homework-form button[type='submit']";
pub const HOMEWORK_SET: &str = "section[aria-labelledby='set-heading'] ul.homework-list";
pub const WEEK_ENTRY: &str = "section.week details.entry";
pub const WEEK_DUE: &str = "section.week li.due-item";
pub const WEEK_DUE_OPEN: &str = "section.week li.due-item a";
pub const HAND_IN_TEXT: &str = "#hand-in-text";
pub const HAND_IN_FILE: &str = "#hand-in-file";
pub const HAND_IN_FILES: &str = "form.hand-in-form ul.files";
pub const HOMEWORK_HAND_IN: &str = "#hand-in";
pub const HANDED: &str = "section.hand-in";
pub const WAITING: &str = "section.waiting";
pub const WAITING_OPEN: &str = "section.waiting a";
pub const REVIEW_COMMENT: &str = "li.review-line textarea";
pub const REVIEW_MARK: &str = "li.review-line input[inputmode='decimal']";
pub const REVIEW_SEND: &str = "li.review-line button[type='submit']";
pub const REVIEW_COUNTS: &str = "#hand-in-counts";
pub const RETURNED: &str = "#returned";
pub const FEEDS: &str = "section.feeds";
pub const FEED_ON: &str = "section.feeds button.feed-on";
pub const FEED_OFF: &str = "section.feeds button.feed-off";
pub const FEED_URL: &str = "section.feeds input.feed-url";
