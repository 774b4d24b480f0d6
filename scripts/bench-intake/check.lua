-- wrk script: every request asks the intake check about another person, as
-- an operator typing a name would, with the spellings met at the desks.
-- The API token comes from the environment (SOLEIL_TOKEN).
local given = { "Muhammad", "Mohamed", "Mohammed", "Gurpreet", "Gurprit", "Harpreet", "Mamadou", "Mamadu",
  "Ousmane", "Usman", "Oleksandr", "Aleksandr", "Ion", "Ioana", "Arben", "Fatima", "Hossain", "Hussain",
  "Rahim", "Awa", "Kwame", "Besnik", "Youssef", "Yusuf" }
local surnames = { "Singh", "Sing", "Kaur", "Kour", "Diallo", "Jallow", "Coulibaly", "Kulibali", "Popescu",
  "Popesku", "El Amrani", "Elamrani", "Hassan", "Hasan", "Khan", "Rahman", "Rehman", "Traore", "Shevchenko",
  "Hoxha", "Ndiaye", "Mensah", "Petrov", "Sandhu" }
local sexes = { "male", "female" }

math.randomseed(42)
local bodies = {}
for i = 1, 500 do
  local year = 1960 + math.random(0, 44)
  local month = math.random(1, 12)
  local day = math.random(1, 28)
  if i % 5 == 0 then month, day = 1, 1 end -- the placeholder date written when nobody knew
  bodies[i] = string.format(
    '{"given_name":"%s","surname":"%s","date_of_birth":"%04d-%02d-%02d","sex":"%s"}',
    given[math.random(#given)], surnames[math.random(#surnames)], year, month, day, sexes[math.random(2)])
end

local headers = {
  ["Content-Type"] = "application/json",
  ["Authorization"] = "Bearer " .. (os.getenv("SOLEIL_TOKEN") or ""),
}
local next_body = 0

request = function()
  next_body = next_body % #bodies + 1
  return wrk.format("POST", "/api/v1/persons/matches", headers, bodies[next_body])
end

response = function(status)
  if status ~= 200 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end
