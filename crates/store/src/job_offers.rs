//! Job offers, work profiles, candidate proposals and recruiting days.
