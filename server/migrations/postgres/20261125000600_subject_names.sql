-- Subject names in Corsican too; empty means "shown in French" (domain::lang::Bilingual).
ALTER TABLE subjects ADD COLUMN name_co TEXT NOT NULL DEFAULT '';
