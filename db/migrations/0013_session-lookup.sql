-- The session lookup that every signed-in request makes (services/auth/sessions.ts resolveSession),
-- as a function so that PostgreSQL keeps its plan for the connection: sent as text, the join was
-- parsed and planned on every request. It only reads; the expiry and idle rules stay in TypeScript.
-- Times come back as epoch milliseconds (float8), a plain number in both drivers.
CREATE FUNCTION session_viewer(p_token_hash text, p_kind text)
RETURNS TABLE (
  session_id uuid,
  last_seen_ms float8,
  expires_ms float8,
  user_id uuid,
  role text,
  display_name text,
  email text
) LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
    SELECT s.id, (extract(epoch FROM s.last_seen_at) * 1000)::float8,
           (extract(epoch FROM s.expires_at) * 1000)::float8,
           u.id, u.role::text, u.display_name, u.email
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = p_token_hash AND s.kind = p_kind::session_kind AND s.revoked_at IS NULL
    LIMIT 1;
END
$$;
