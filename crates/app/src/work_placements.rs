//! Work placements and their follow-ups at 3, 6 and 12 months; the employer portal.
