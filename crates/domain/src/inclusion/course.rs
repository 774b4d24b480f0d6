//! Labs and courses: sessions, enrolments, attendance and completion.
