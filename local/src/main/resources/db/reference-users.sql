-- The reference seed.sql users (backend-flask/db/seed.sql of the bootcamp), for a local Postgres. Safe to run twice.
INSERT INTO public.users (display_name, email, handle, cognito_user_id)
SELECT v.display_name, v.email, v.handle, v.cognito_user_id
FROM (VALUES
  ('Andrew Brown', 'andrew@exampro.co', 'andrewbrown', 'MOCK'),
  ('Andrew Bayko', 'bayko@exampro.co', 'bayko', 'MOCK'),
  ('Yaya', 'yaya2devops@exampro.co', 'yaya2devops', 'MOCK')
) AS v(display_name, email, handle, cognito_user_id)
WHERE NOT EXISTS (SELECT 1 FROM public.users u WHERE u.handle = v.handle);
