//! Employers, their sites, logins and needs surveys.
