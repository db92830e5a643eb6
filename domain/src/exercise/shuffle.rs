//! The order in which a paper shows cards and shuffled choices, drawn from a seed.
//!
//! The generator is written here rather than taken from a crate because the same seed must give
//! the same paper for as long as the attempt is kept (a pupil reopening a draft next month): a
//! dependency's update could change its sequence; SplitMix64 and FNV-1a are fixed algorithms.

/// Every order of `items` drawn from `seed` and `salt` (the item's id, so that two items of one
/// paper are not shuffled alike). The same inputs always give the same order.
pub(crate) fn shuffled<T: Clone>(items: &[T], seed: u64, salt: &str) -> Vec<T> {
    let mut state = seed ^ fnv1a(salt);
    let mut out = items.to_vec();
    // Fisher–Yates, from the end.
    for i in (1..out.len()).rev() {
        let bound = (i + 1) as u64;
        let j = (splitmix64(&mut state) % bound) as usize;
        out.swap(i, j);
    }
    out
}

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xCBF2_9CE4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01B3)
    })
}
