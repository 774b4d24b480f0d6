//! Exact money: integer euro cents, never floats.
