//! Employers: their records, needs surveys aggregated per sector and province, and their logins.
