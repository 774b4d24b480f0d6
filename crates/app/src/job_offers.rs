//! Job offers, work profiles, matching persons to offers with reasons, proposals and recruiting days.
