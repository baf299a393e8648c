-- Scimkit JDBC store, schema version 3: a member never outlives its resource.
--
-- Before version 3 a resource's memberships were removed in a transaction of their own, so a
-- crash or a concurrent request could leave membership rows that name a resource which no longer
-- exists (a deleted user still listed in a group). Such rows are removed here; foreign keys then
-- make them impossible: a row needs its group and its member, and goes when either is deleted.
DELETE FROM scim_member
 WHERE NOT EXISTS (SELECT 1 FROM scim_resource r
                    WHERE r.tenant = scim_member.tenant AND r.resource_type = scim_member.group_type
                      AND r.id = scim_member.group_id);

UPDATE scim_member
   SET member_type = (SELECT MIN(r.resource_type) FROM scim_resource r
                       WHERE r.tenant = scim_member.tenant AND r.id = scim_member.member_id)
 WHERE member_type IS NULL;

DELETE FROM scim_member
 WHERE member_type IS NULL
    OR NOT EXISTS (SELECT 1 FROM scim_resource r
                    WHERE r.tenant = scim_member.tenant AND r.resource_type = scim_member.member_type
                      AND r.id = scim_member.member_id);

ALTER TABLE scim_member ALTER COLUMN member_type SET NOT NULL;

-- The member side of the key, for the cascade and for deleting a resource's memberships.
CREATE INDEX scim_member_by_member_ref ON scim_member (tenant, member_type, member_id);

ALTER TABLE scim_member ADD CONSTRAINT scim_member_group_fk
  FOREIGN KEY (tenant, group_type, group_id) REFERENCES scim_resource (tenant, resource_type, id)
  ON DELETE CASCADE;

ALTER TABLE scim_member ADD CONSTRAINT scim_member_member_fk
  FOREIGN KEY (tenant, member_type, member_id) REFERENCES scim_resource (tenant, resource_type, id)
  ON DELETE CASCADE;
