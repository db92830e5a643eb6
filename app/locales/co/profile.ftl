# A person’s profile, as their parents, teachers and administrators see it.

profile-role-in-school = { $profile } — { $school }
