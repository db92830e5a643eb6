//! How long a client waits before trying again when the server says it is busy: exponential,
//! with jitter so that thousands of browsers refused at the same second do not all come back
//! at the same second.

/// Tries after the first refusal before giving up and telling the person.
pub const MAX_RETRIES: u32 = 4;
const FIRST_DELAY_MS: f64 = 500.0;

/// The wait before retry number `attempt` (from 0), given `random` in [0, 1): the base delay
/// doubles each time and is spread over ±50 %.
pub fn delay_ms(attempt: u32, random: f64) -> u32 {
    let base = FIRST_DELAY_MS * f64::from(1u32 << attempt.min(10));
    let spread = 0.5 + random.clamp(0.0, 1.0);
    (base * spread) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_and_spreads() {
        assert_eq!(delay_ms(0, 0.0), 250);
        assert_eq!(delay_ms(0, 0.5), 500);
        assert_eq!(delay_ms(1, 0.5), 1000);
        assert_eq!(delay_ms(3, 0.5), 4000);
        assert!(delay_ms(3, 0.999) < 6000);
        assert_eq!(delay_ms(40, 0.5), delay_ms(10, 0.5), "bounded");
    }
}
