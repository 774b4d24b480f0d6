//! Budget lines and disbursements.
