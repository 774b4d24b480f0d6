//! Work placements (internship, apprenticeship, employment) and their follow-ups.
