-- The security team reviews phishing reports from the desk (docs/safety.md, "Security team").
ALTER TABLE desk_agents DROP CONSTRAINT desk_agents_role_check;
ALTER TABLE desk_agents ADD CONSTRAINT desk_agents_role_check CHECK (role IN ('agent', 'supervisor', 'security'));
