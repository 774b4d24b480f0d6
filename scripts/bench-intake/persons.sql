-- Registers :count synthetic persons in a SOLEIL SQLite database, recorded by
-- the demo's front-line operator of each region, for the intake benchmark.
-- They were recorded over the last four years, none in the last day (the
-- index re-reads the last minutes on every check, as new persons arrive).
-- Names come from pools of the nationalities the network meets most, so that
-- common names (Singh, Mohamed, Diallo) crowd their blocks as they do in life.
-- Usage: sed s/:count/1000000/ persons.sql | sqlite3 DB
CREATE TEMP TABLE given (n INTEGER PRIMARY KEY, name TEXT, sex TEXT, nationality TEXT);
INSERT INTO given (name, sex, nationality) VALUES
  ('Mohamed','male','MA'),('Mohammed','male','EG'),('Muhammad','male','PK'),('Ahmed','male','EG'),
  ('Youssef','male','MA'),('Karim','male','TN'),('Fatima','female','MA'),('Aicha','female','SN'),
  ('Gurpreet','male','IN'),('Harpreet','female','IN'),('Manpreet','female','IN'),('Jaswinder','male','IN'),
  ('Sukhwinder','male','IN'),('Rajinder','male','IN'),('Amandeep','male','IN'),('Paramjit','female','IN'),
  ('Rahim','male','BD'),('Hossain','male','BD'),('Abdul','male','BD'),('Nasrin','female','BD'),
  ('Mamadou','male','SN'),('Ousmane','male','ML'),('Ibrahima','male','GN'),('Lamine','male','GM'),
  ('Moussa','male','ML'),('Awa','female','SN'),('Kwame','male','GH'),('Chinedu','male','NG'),
  ('Ion','male','RO'),('Mihai','male','RO'),('Elena','female','RO'),('Ioana','female','RO'),
  ('Oleksandr','male','UA'),('Olena','female','UA'),('Ivan','male','BG'),('Maria','female','BG'),
  ('Arben','male','AL'),('Ermal','male','AL'),('Blerina','female','AL'),('Besnik','male','AL');
CREATE TEMP TABLE surnames (n INTEGER PRIMARY KEY, name TEXT);
INSERT INTO surnames (name) VALUES
  ('Singh'),('Kaur'),('Kumar'),('Sharma'),('Gill'),('Sandhu'),('Dhillon'),('Sidhu'),
  ('El Amrani'),('Benali'),('Haddad'),('Mansour'),('Hassan'),('Ali'),('Khan'),('Hussain'),
  ('Rahman'),('Islam'),('Ahmed'),('Chowdhury'),('Diallo'),('Traore'),('Coulibaly'),('Keita'),
  ('Sow'),('Ba'),('Ndiaye'),('Diop'),('Camara'),('Toure'),('Okafor'),('Mensah'),
  ('Popescu'),('Ionescu'),('Popa'),('Kovalenko'),('Shevchenko'),('Petrov'),('Hoxha'),('Shehu');
INSERT INTO persons (id, region, anonymous, given_name, surname, sex, date_of_birth, nationality,
                     recorded_by, recorded_by_organisation, created_at)
WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < :count),
drawn AS (
  SELECT i,
         1 + abs(random()) % (SELECT count(*) FROM given) AS g,
         1 + abs(random()) % (SELECT count(*) FROM surnames) AS s,
         abs(random()) % 5 AS r,
         abs(random()) % 16000 AS born,
         1 + abs(random()) % 1500 AS recorded
  FROM seq
)
SELECT randomblob(16), regions.code, 0, given.name, surnames.name, given.sex,
       date('1960-01-01', '+' || drawn.born || ' days'), given.nationality,
       users.id, users.organisation_id,
       strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now', '-' || drawn.recorded || ' days')
FROM drawn
JOIN given ON given.n = drawn.g
JOIN surnames ON surnames.n = drawn.s
JOIN (SELECT code, row_number() OVER (ORDER BY code) - 1 AS r FROM regions) regions ON regions.r = drawn.r
JOIN users ON users.email = 'frontline.' || regions.code || '@demo.soleil.local';
