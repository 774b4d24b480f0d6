//! Work placements and their follow-ups.
