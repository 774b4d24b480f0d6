//! Clustering matched pairs into persons.
//!
//! Taking connected components of the matching pairs chains: A matches B, B matches C, so A and C end
//! up together although they may disagree on everything (two brothers and a record halfway between them).
//! Instead, matching pairs are taken strongest first, and the clusters of a pair's two records are merged
//! only when the *average* weight over every pair across the two clusters reaches the match threshold.
//! A pair's weight counts as scored when blocking proposed it, clipped to at most [`CLIP_HIGH`] so that one
//! very strong pair cannot carry a merge alone; a pair not proposed, or with a negative weight, counts as
//! 0 (no evidence). Cost grows with the pairs around the smaller cluster only, so giant groups of namesakes
//! stay cheap.

/// Most a pair's weight counts in an average.
pub const CLIP_HIGH: f32 = 40.0;

/// Union–find with the members of each cluster.
struct Clusters {
    parent: Vec<u32>,
    members: Vec<Vec<u32>>,
}

impl Clusters {
    fn new(size: usize) -> Clusters {
        Clusters {
            parent: (0..size as u32).collect(),
            members: vec![Vec::new(); size],
        }
    }

    fn root(&mut self, mut node: u32) -> u32 {
        while self.parent[node as usize] != node {
            let grandparent = self.parent[self.parent[node as usize] as usize];
            self.parent[node as usize] = grandparent;
            node = grandparent;
        }
        node
    }

    /// The members of a root's cluster (a single record has itself).
    fn members(&self, root: u32) -> Vec<u32> {
        let members = &self.members[root as usize];
        if members.is_empty() {
            vec![root]
        } else {
            members.clone()
        }
    }

    fn size(&self, root: u32) -> usize {
        self.members[root as usize].len().max(1)
    }

    fn merge(&mut self, a: u32, b: u32) {
        let (big, small) = if self.size(a) >= self.size(b) {
            (a, b)
        } else {
            (b, a)
        };
        let moved = self.members(small);
        self.members[small as usize] = Vec::new();
        if self.members[big as usize].is_empty() {
            self.members[big as usize].push(big);
        }
        self.members[big as usize].extend(moved);
        self.parent[small as usize] = big;
    }
}

/// Clusters `size` records given the weights of the pairs blocking proposed (positions and weight; pairs
/// with weight 0 or less may be left out). Returns, for each record, a representative of its cluster.
pub fn average_linkage(size: usize, pairs: Vec<(u32, u32, f32)>, threshold: f32) -> Vec<usize> {
    let neighbours = Neighbours::new(size, &pairs);
    let mut matching: Vec<(u32, u32, f32)> = pairs.into_iter().filter(|pair| pair.2 >= threshold).collect();
    matching.sort_by(|a, b| b.2.total_cmp(&a.2));
    let mut clusters = Clusters::new(size);
    // Pairs of clusters already refused, as (root, size, root, size): another pair between the same two
    // clusters would be refused again.
    let mut refused: rustc_hash::FxHashSet<(u32, usize, u32, usize)> = rustc_hash::FxHashSet::default();
    for (a, b, _) in matching {
        let (root_a, root_b) = (clusters.root(a), clusters.root(b));
        if root_a == root_b {
            continue;
        }
        let (size_a, size_b) = (clusters.size(root_a), clusters.size(root_b));
        let key = if root_a < root_b {
            (root_a, size_a, root_b, size_b)
        } else {
            (root_b, size_b, root_a, size_a)
        };
        if refused.contains(&key) {
            continue;
        }
        let (smaller, other_root) = if size_a <= size_b {
            (clusters.members(root_a), root_b)
        } else {
            (clusters.members(root_b), root_a)
        };
        let mut total = 0.0f64;
        for member in &smaller {
            for (neighbour, weight) in neighbours.of(*member) {
                if clusters.root(*neighbour) == other_root {
                    total += f64::from(weight.min(CLIP_HIGH));
                }
            }
        }
        let cross_pairs = (size_a * size_b) as f64;
        if total / cross_pairs >= f64::from(threshold) {
            clusters.merge(root_a, root_b);
        } else {
            refused.insert(key);
        }
    }
    (0..size as u32)
        .map(|node| clusters.root(node) as usize)
        .collect()
}

/// The scored pairs of each record (compressed rows), both directions.
struct Neighbours {
    offsets: Vec<u32>,
    entries: Vec<(u32, f32)>,
}

impl Neighbours {
    fn new(size: usize, pairs: &[(u32, u32, f32)]) -> Neighbours {
        let mut counts = vec![0u32; size + 1];
        for (a, b, weight) in pairs {
            if *weight > 0.0 {
                counts[*a as usize + 1] += 1;
                counts[*b as usize + 1] += 1;
            }
        }
        for position in 1..counts.len() {
            counts[position] += counts[position - 1];
        }
        let mut entries = vec![(0u32, 0.0f32); counts[size] as usize];
        let mut filled = counts.clone();
        for (a, b, weight) in pairs {
            if *weight > 0.0 {
                entries[filled[*a as usize] as usize] = (*b, *weight);
                filled[*a as usize] += 1;
                entries[filled[*b as usize] as usize] = (*a, *weight);
                filled[*b as usize] += 1;
            }
        }
        Neighbours {
            offsets: counts,
            entries,
        }
    }

    fn of(&self, record: u32) -> &[(u32, f32)] {
        &self.entries[self.offsets[record as usize] as usize..self.offsets[record as usize + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_through_a_middle_record_is_cut() {
        // 0–1 and 1–2 match, 0–2 are clearly different persons.
        let pairs = vec![(0, 1, 20.0), (1, 2, 18.0), (0, 2, -15.0)];
        let clusters = average_linkage(3, pairs, 14.0);
        assert_eq!(clusters[0], clusters[1]);
        assert_ne!(clusters[1], clusters[2]);
    }

    #[test]
    fn duplicates_of_one_original_stay_together() {
        // Two noisy copies of record 0: each matches the original well, the copies each other weakly.
        let pairs = vec![(0, 1, 25.0), (0, 2, 24.0), (1, 2, 9.0), (2, 3, -20.0)];
        let clusters = average_linkage(4, pairs, 14.0);
        assert_eq!(clusters[0], clusters[1]);
        assert_eq!(clusters[0], clusters[2]);
        assert_ne!(clusters[0], clusters[3]);
    }
}
