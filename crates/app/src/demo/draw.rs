//! Seeded draws: one item of a list, evenly or by weight.

use rand::Rng;
use rand::rngs::StdRng;

/// A value and how often it comes up relative to the others in its list.
pub(super) type Weighted<T> = (T, u32);

pub(super) fn pick<T: Copy>(rng: &mut StdRng, items: &[T]) -> T {
    items[rng.gen_range(0..items.len())]
}

pub(super) fn pick_weighted<T: Copy>(rng: &mut StdRng, items: &[Weighted<T>]) -> T {
    let total: u32 = items.iter().map(|(_, weight)| weight).sum();
    let mut ticket = rng.gen_range(0..total.max(1));
    for &(item, weight) in items {
        if ticket < weight {
            return item;
        }
        ticket -= weight;
    }
    items[0].0
}
