//! Signing in: the password rules, the throttling of attempts, how long a session lives, and
//! second-factor codes.

pub mod password;
pub mod second_factor;
pub mod session;
pub mod throttle;
