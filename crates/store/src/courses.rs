//! Labs: courses, sessions, enrolments and attendance.
