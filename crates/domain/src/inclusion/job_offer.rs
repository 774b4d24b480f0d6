//! Job offers, the work profile of a person, and how the two are matched.
