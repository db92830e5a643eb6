pub mod area_error;
pub mod error_banner;
pub mod field;
pub mod header;
pub mod idle;
pub mod lang_switch;
pub mod title;
