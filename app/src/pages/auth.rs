//! Signing in: the sign-in page with its second-factor step, and the password change a one-time
//! password leads to (also offered from "my account").

pub mod password;
pub mod second_factor;
pub mod sign_in;
