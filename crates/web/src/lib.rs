//! placeholder

pub mod assets;
