//! What a timetable's server function answered, said in the reader's language. The week's
//! screens meet only the errors every area has; the area's own problems are the editors'.

use crate::api::timetable::TimetableError;
use crate::components::area_error::Described;
use crate::i18n::describe_error;
use domain::lang::Lang;

impl Described for TimetableError {
    fn describe(&self, lang: Lang) -> String {
        match self {
            TimetableError::App(e) => describe_error(lang, e),
            // Only the editors (not yet in the browser) can meet these.
            TimetableError::Area(_) => describe_error(lang, &crate::error::AppError::Internal),
        }
    }
}
