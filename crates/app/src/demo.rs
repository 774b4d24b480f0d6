impl crate::App {}
