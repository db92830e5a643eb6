//! School administration: accounts, classes, groups, parent links. (Being written.)
