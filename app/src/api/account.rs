//! One's own account: the sessions open in one's name and the second factor.

pub mod second_factor;
pub mod sessions;
