-- Enforcement policy as versioned data: every PUT stores a whole new rule set; the highest version is active.
CREATE TABLE policy_version (
    version             INT PRIMARY KEY,
    rules               JSONB        NOT NULL,   -- ordered rules, first match wins (see docs/cases.md)
    comment             TEXT,
    created_by          VARCHAR(128) NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL
);

INSERT INTO policy_version (version, rules, comment, created_by, created_at) VALUES (1, '[
 {"id":"ban-conclusive-bulk","version":1,"description":"Conclusive bulk or bot signal on a private account: ban at once",
  "when":{"violations":["BULK_MESSAGING","AUTOMATED_BEHAVIOR"],"minScore":0.95,"accountTypes":["PRIVATE"]},
  "then":{"action":"BAN"}},
 {"id":"ban-at-registration","version":1,"description":"Strong bulk or bot signal within an hour of registration: ban at once",
  "when":{"violations":["BULK_MESSAGING","AUTOMATED_BEHAVIOR"],"minScore":0.8,"accountTypes":["PRIVATE"],"maxAccountAge":"PT1H"},
  "then":{"action":"BAN"}},
 {"id":"propose-legal-commercial","version":1,"description":"Non-personal use with off-platform evidence: propose legal escalation",
  "when":{"violations":["NON_PERSONAL_USE"],"minScore":0.5,"offPlatformEvidence":true},
  "then":{"action":"PROPOSE_ESCALATION","priority":95}},
 {"id":"ban-third-strike","version":1,"description":"Third strike within 90 days on a private account: ban",
  "when":{"minScore":0.5,"accountTypes":["PRIVATE"],"minStrikes90d":2},
  "then":{"action":"BAN"}},
 {"id":"review-business-high","version":1,"description":"High score on a business account: a person looks first, with high priority",
  "when":{"minScore":0.8,"accountTypes":["BUSINESS"]},
  "then":{"action":"REVIEW","priority":90}},
 {"id":"warn-first-low-severity","version":1,"description":"First low-severity violation: warn",
  "when":{"maxScore":0.5,"maxStrikes90d":0},
  "then":{"action":"WARN"}},
 {"id":"review-by-score","version":1,"description":"Everything else: review queue ordered by score and age",
  "when":{},
  "then":{"action":"REVIEW"}}
]', 'default policy', 'system:migration', now());

-- What the policy decided when it queued a case (PROPOSE_ESCALATION, REVIEW) and which rule did it.
ALTER TABLE enforcement_case ADD COLUMN proposed_action VARCHAR(32);
ALTER TABLE enforcement_case ADD COLUMN policy_rule_id VARCHAR(128);
ALTER TABLE enforcement_case ADD COLUMN policy_rule_version INT;
-- Set when off-platform evidence about the account is on file (legal/evidence work sets it).
ALTER TABLE account ADD COLUMN off_platform_evidence BOOLEAN NOT NULL DEFAULT FALSE;
-- The policy version (rule set) an automatic decision was made under; policy_version holds the rule's version.
ALTER TABLE decision ADD COLUMN policy_set_version INT;
