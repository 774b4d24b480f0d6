"""Generate a migrant-name variant set for person de-duplication, with its truth.

The set imitates the person records that desks in Italian agriculture, logistics,
construction and domestic work keep for the migrant workers they meet: the same
worker is written down at several desks, by several operators, from a passport, a
permit, a payslip or from what the worker says, so the records of one person
differ. Distinct persons, on the other hand, often share very common names.

Model (all draws from one `random.Random(seed)`, so a seed and a size always give
the same files):

Persons
  * Origin, drawn by weight (ORIGINS below): Morocco, Tunisia, Egypt (Arabic
    names), India (Punjabi Sikh names with Singh/Kaur, and some Punjabi Hindu
    names), Pakistan, Bangladesh, Senegal, Mali, Gambia, Guinea, Ivory Coast,
    Nigeria, Ghana, Romania, Albania, Ukraine, Bulgaria. Nationality is the ISO
    3166 alpha-2 code of the origin.
  * Sex by the origin's share of men (farm work: mostly men; domestic work from
    Ukraine: mostly women).
  * Given names, surnames and places of birth from pools per origin, drawn with
    Zipf-like weights (1 / rank^0.9, pools listed most common first), so that
    Mohamed, Singh, Diallo, Popescu... recur and distinct persons collide.
    Each pool entry is a group of spellings "Usual|Variant|Variant": a person
    gets one spelling as their own (the usual one 60% of the time).
  * Name structure by origin: Egyptian persons carry their father's name as a
    middle name; Pakistani and Bangladeshi men often a leading Muhammad / Md;
    Sikh men are Singh, women Kaur, about half with a family name (Sandhu, Gill)
    that desks write as surname, after Singh, or not at all; some Romanian,
    Albanian, West African and Nigerian persons have a second given name.
    Bulgarian women's surnames take -a (Ivanov -> Ivanova).
  * Date of birth between 1962 and 2006 (peak around 1992). Some persons have a
    documented placeholder date 1 January (15% West Africa, 8% South Asia, 3%
    North Africa), kept on all their records, as immigration offices assign it.
  * 6% of persons are a sibling of an earlier person of the same origin: same
    surname spelling, nationality and place of birth, another given name, born
    1-10 years apart (1 in 10 of them a twin: same date) - hard non-matches.
  * Half of the persons have an Italian mobile number; 2% of persons instead give
    the number of an intermediary shared by up to ~20 persons (a non-match trap).

Records per person: 1 (60%), 2 (22%), 3 (12%), 4 (6%). Every record, the first
one too, is written independently with these slips (probabilities per record):
  * each name part: another spelling 30% (its group's transliteration variants -
    Mohamed/Muhammad/Mohammed/Mohamad, Hussain/Hussein/Hossain, Ousmane/Usman,
    Oleksandr/Aleksandr/Olexandr, Abdel Rahman/Abdelrahman/Abdul Rahman,
    Diallo/Jallo/Djallo, Coulibaly/Kulibali... - or rule-made ones: diacritics
    dropped or written with a cedilla (s-comma -> s, a-breve -> a), Ukrainian
    ch -> c, kh -> h, y -> i, Punjabi preet -> prit, winder -> vinder, jit -> jeet,
    Arabic El/Ben/Abdel joined, split or hyphenated, doubled letters single,
    ou -> u, Dj/Di -> J);
  * a droppable name part (middle name, leading Muhammad/Md, second given name)
    left out 35%;
  * given name and surname swapped 8%; given name missing 1%;
  * one typing slip in one name (letter replaced by a keyboard neighbour, left
    out, doubled, or two letters swapped) 8%;
  * names and place in capitals 35% (as many Italian forms are written);
  * date of birth: missing 6%, written 01/01 of the year 4%, day written 01 3%,
    day and month swapped 4% (when both are 12 or less), one digit slipped 5%;
  * sex missing 7%, wrong 1%; nationality missing 8%;
  * place of birth missing 20%, another spelling 30% (Kyiv/Kiev, Dhaka/Dacca,
    Bucuresti/Bucharest, Tirane/Tirana...);
  * phone (when the person has one) written 50%, in one of four formats.

Output, in DIR (default data/ beside this file):
  migrants_{N}.csv        id,given_name,surname,date_of_birth,sex,nationality,place_of_birth,phone
                          (date YYYY-MM-DD, sex F/M, records shuffled, ids m0000001...)
  migrants_{N}_truth.csv  id,true_cluster (the person number)

Usage: python migrants.py [--size N] [--seed S] [--out DIR]
"""

import argparse
import csv
import datetime
import os
import random
import re
import unicodedata

HEADER = ["id", "given_name", "surname", "date_of_birth", "sex", "nationality", "place_of_birth", "phone"]

# ---------------------------------------------------------------------------------------------------------------
# Name pools. Each entry: "Usual|Variant|...", most common entries first.
# ---------------------------------------------------------------------------------------------------------------

ARABIC_MALE = [
    "Mohamed|Mohammed|Muhammad|Mohamad|Mohammad|Muhammed|Mohamet",
    "Ahmed|Ahmad|Ahmet",
    "Youssef|Yousef|Yusuf|Youssouf|Yussef|Jusuf",
    "Mustafa|Moustafa|Mostafa|Mustapha",
    "Abdel Rahman|Abdelrahman|Abdul Rahman|Abderrahmane|Abdurrahman",
    "Hassan|Hasan|Hassane",
    "Said|Saïd|Saeed|Sayed|Saied",
    "Ali|Aly",
    "Omar|Umar|Omer",
    "Ibrahim|Ebrahim|Brahim",
    "Rachid|Rashid|Rachide|Rasheed",
    "Abdellah|Abdallah|Abdullah|Abdalla",
    "Karim|Kareem",
    "Khalid|Khaled|Khalide",
    "Hicham|Hisham|Hichem",
    "Mahmoud|Mahmud|Mahmood|Mahmut",
    "Hussein|Hussain|Hossain|Husain|Houssein|Hossein",
    "Ismail|Ismael|Smail|Esmail",
    "Abdelaziz|Abdel Aziz|Abdul Aziz|Abdelaaziz",
    "Noureddine|Nour Eddine|Nourdine|Nureddin",
    "Younes|Yunus|Younis|Younesse",
    "Tarek|Tariq|Tarik|Tareq",
    "Redouane|Ridouane|Radwan|Redwan",
    "Mehdi|Mahdi",
    "Walid|Waleed|Oualid",
    "Samir|Sameer",
    "Bilal|Bilel|Belal",
    "Amine|Amin|Ameen",
    "Jamal|Gamal|Djamel",
    "Abderrazak|Abdelrazak|Abdul Razzaq",
    "Hamza|Hamsa",
    "Soufiane|Sofiane|Sufyan",
    "Aziz",
    "Fouad|Fuad",
    "Driss|Idriss|Idris",
    "Anouar|Anwar|Anuar",
]

ARABIC_FEMALE = [
    "Fatima|Fatma|Fatimah|Fatema",
    "Khadija|Khadidja|Khadijah",
    "Aicha|Aisha|Aïcha|Aysha",
    "Naima|Naïma|Naeema",
    "Zineb|Zainab|Zeinab|Zaynab",
    "Meriem|Maryam|Mariam|Myriam|Meryem",
    "Amina|Aminah",
    "Samira|Sameera",
    "Nadia|Nadiya",
    "Hanan|Hanane",
    "Souad|Suad",
    "Salma|Selma",
    "Hayat",
    "Latifa|Latefa",
    "Karima|Kareema",
    "Malika|Malica",
    "Rachida|Rashida",
    "Yasmina|Yasmine|Jasmina",
    "Nour|Noor|Nur",
    "Imane|Iman",
]

ORIGINS = {
    "MA": dict(
        weight=12, family="arabic", male_share=0.75, placeholder=0.03, second_given=0.0,
        male=ARABIC_MALE, female=ARABIC_FEMALE,
        surnames=[
            "El Amrani|Elamrani|Amrani|El-Amrani", "El Idrissi|Elidrissi|Idrissi", "Benali|Ben Ali|Ben-Ali",
            "Alaoui|El Alaoui|Alaui", "El Mansouri|Mansouri|El Mansuri", "Bennani|Benani", "Ouali|Wali",
            "Boukhari|Bukhari|El Boukhari", "Saidi|Saïdi|Essaidi", "El Fassi|Fassi", "Berrada|Berada",
            "Tazi", "Chraibi|Chraïbi|Cheraibi", "Ait Ali|Aitali|Ait-Ali", "Lahlou|Lahlu", "Zerouali|Zeroual",
            "Haddad|Hadad", "Belkacem|Belkassem|Belqasem", "El Khatib|Khatib|Elkhatib", "Ait Ouahmane|Aitouahmane",
            "Bouzid|Bouzide", "El Ouardi|Elouardi|Ouardi", "Naciri|Nassiri", "Benjelloun|Ben Jelloun",
            "Ziani|Zyani", "Amrani", "Rahmouni|Rahmuni", "Chafik|Chafiq", "Daoudi|Daudi", "Hamdaoui|Hamdawi",
        ],
        places=[
            "Casablanca|Casa|Dar el Beida", "Khouribga|Khuribga", "Beni Mellal|Béni Mellal|Beni-Mellal",
            "El Kelaa des Sraghna|Kelaa des Sraghna|Kalaat Sraghna", "Fquih Ben Salah|Fkih Ben Saleh",
            "Marrakech|Marrakesh|Marrakesch", "Fès|Fes|Fez", "Meknès|Meknes", "Rabat", "Tanger|Tangier|Tangeri",
            "Oujda|Ujda", "Agadir", "El Jadida|Eljadida", "Settat", "Taza", "Nador",
        ],
    ),
    "TN": dict(
        weight=5, family="arabic", male_share=0.85, placeholder=0.03, second_given=0.0,
        male=ARABIC_MALE, female=ARABIC_FEMALE,
        surnames=[
            "Ben Salah|Bensalah|Ben-Salah", "Trabelsi|Trabelssi", "Jebali|Jbali|Gebali", "Gharbi|Garbi",
            "Mejri|Mejeri", "Ben Amor|Benamor", "Hammami|Hamami", "Bouazizi|Buazizi", "Dridi",
            "Chaabane|Chabane|Shaaban", "Sassi|Sasi", "Jendoubi|Jandoubi", "Ayari|Aiari", "Mansouri|Mansuri",
            "Ben Youssef|Benyoussef", "Khelifi|Khlifi", "Ferchichi", "Riahi|Ryahi", "Mathlouthi|Matlouthi",
        ],
        places=[
            "Tunis", "Sfax", "Sousse|Susa", "Kairouan|Kairuan|Qairawan", "Mahdia", "Monastir",
            "Bizerte|Bizerta|Biserta", "Gabès|Gabes", "Médenine|Medenine", "Jendouba", "Zarzis",
            "Ben Guerdane|Ben Gardane", "Kasserine|Kasserin",
        ],
    ),
    "EG": dict(
        weight=5, family="arabic", male_share=0.92, placeholder=0.03, second_given=0.0, father_name=0.85,
        male=ARABIC_MALE, female=ARABIC_FEMALE,
        surnames=[
            "Hassan|Hasan", "Ibrahim|Ebrahim", "Mahmoud|Mahmud", "Abdel Rahman|Abdelrahman|Abdul Rahman",
            "Mostafa|Mustafa|Moustafa", "Ali|Aly", "El Sayed|Elsayed|El-Sayed|Sayed", "Abdel Aziz|Abdelaziz",
            "Farouk|Farouq|Faruk", "Gamal|Jamal", "Fathy|Fathi", "Ragab|Rageb", "Shehata|Shahata",
            "Soliman|Suleiman|Sulaiman", "Abdel Fattah|Abdelfattah", "Mansour|Mansur", "Hamdy|Hamdi",
            "Salem|Salim", "Youssef|Yousef", "Kamal|Kamel", "Abdallah|Abdullah", "Attia|Atia|Attiya",
        ],
        places=[
            "Cairo|Il Cairo|Al Qahira|Le Caire", "Alexandria|Alessandria|Al Iskandariya", "Giza|Gizeh|El Giza",
            "Faiyum|Fayoum|El Fayoum|Al Fayyum", "Mansoura|El Mansoura|Al Mansurah", "Tanta",
            "Zagazig|Al Zagazig", "Asyut|Assiut", "Minya|El Minya", "Kafr El Sheikh|Kafr el-Sheikh",
            "Gharbia|Gharbiya", "Sharqia|Sharkia",
        ],
    ),
    "IN_sikh": dict(
        nationality="IN", weight=8, family="punjabi", male_share=0.8, placeholder=0.08, second_given=0.0,
        sikh=True,
        male=[
            "Gurpreet", "Harpreet", "Manpreet", "Jaspreet", "Sukhwinder", "Harjinder", "Kulwinder", "Gurwinder",
            "Baljit", "Harjit", "Jasvir", "Paramjit", "Ranjit", "Amarjit", "Lakhwinder", "Balwinder", "Sarabjit",
            "Satnam", "Gurdeep", "Jagjit", "Kuldeep", "Hardeep", "Sandeep", "Rajinder", "Jaswinder", "Mandeep",
            "Gurjant", "Sukhdev", "Davinder|Devinder", "Gurmeet",
        ],
        female=[
            "Manpreet", "Harpreet", "Jaspreet", "Gurpreet", "Amandeep", "Rajwinder", "Kulwinder", "Paramjit",
            "Sukhjit", "Navneet", "Simranjit", "Rupinder", "Kamaljit", "Balwinder", "Jasbir|Jasvir",
        ],
        surnames=[
            "Sandhu", "Gill", "Sidhu", "Dhillon", "Brar", "Grewal", "Virk|Wirk", "Randhawa|Randawa", "Bajwa",
            "Mann|Man", "Dhaliwal", "Sekhon|Sekon", "Cheema|Chima", "Bains", "Aulakh|Olakh",
        ],
        places=[
            "Ludhiana", "Jalandhar|Jullundur|Jalendhar", "Amritsar", "Patiala", "Moga", "Kapurthala",
            "Hoshiarpur|Hoshiyarpur", "Gurdaspur", "Bathinda|Bhatinda", "Sangrur", "Nawanshahr|Nawanshahar",
            "Ferozepur|Firozpur",
        ],
    ),
    "IN_hindu": dict(
        nationality="IN", weight=2, family="punjabi", male_share=0.85, placeholder=0.08, second_given=0.0,
        male=[
            "Rajesh", "Sunil", "Anil", "Ramesh", "Vijay|Vijai", "Sanjeev|Sanjiv", "Rakesh", "Sandeep|Sundeep",
            "Ajay|Ajai", "Deepak|Dipak", "Pawan|Pavan", "Ravi", "Suresh", "Mukesh", "Ashok",
        ],
        female=["Sunita", "Anita", "Pooja|Puja", "Neha", "Seema|Sima", "Rekha", "Geeta|Gita", "Kiran"],
        surnames=["Kumar", "Sharma", "Lal", "Ram", "Verma|Varma", "Chand", "Kumari", "Rani", "Devi", "Saini"],
        places=[
            "Ludhiana", "Jalandhar|Jullundur", "Amritsar", "Patiala", "Hoshiarpur|Hoshiyarpur",
            "Karnal", "Kurukshetra", "Ambala",
        ],
    ),
    "PK": dict(
        weight=6, family="arabic", male_share=0.9, placeholder=0.08, second_given=0.0,
        leading_muhammad=("Muhammad|Mohammad|Muhammed|Mohammed|M.", 0.4),
        male=[
            "Imran", "Asif", "Ali|Aly", "Tariq|Tarik|Tareq", "Shahid|Shaheed", "Zahid|Zaheed", "Naveed|Navid",
            "Waqas|Vaqas", "Usman|Osman|Othman", "Bilal|Belal", "Adnan", "Kamran", "Irfan", "Faisal|Faysal",
            "Abdul Rehman|Abdur Rehman|Abdul Rahman|Abdulrehman", "Aamir|Amir", "Arshad", "Nadeem|Nadim",
            "Sajid|Sajjad", "Zeeshan|Zishan", "Shahzad|Shehzad", "Javed|Javaid", "Akram", "Asad|Assad",
        ],
        female=[
            "Ayesha|Aisha|Aysha", "Fatima|Fatma", "Sana", "Nasreen|Nasrin", "Shazia|Shazya", "Rubina|Robina",
            "Saima|Sayma", "Bushra", "Samina|Sameena",
        ],
        surnames=[
            "Khan", "Hussain|Hussein|Husain|Hossain", "Ahmed|Ahmad", "Ali|Aly", "Iqbal|Ikbal", "Butt|But",
            "Chaudhry|Choudhry|Chaudhary|Chaudhri", "Malik", "Akhtar|Akhter|Aktar", "Aslam", "Rehman|Rahman",
            "Shah", "Javed|Javaid", "Qureshi|Kureshi|Qureishi", "Raza|Rasa", "Abbas", "Mehmood|Mahmood|Mahmud",
            "Bashir|Basheer", "Riaz|Riyaz", "Nawaz|Navaz", "Anwar|Anver", "Rasheed|Rashid",
        ],
        places=[
            "Gujrat", "Sialkot", "Gujranwala", "Lahore", "Jhelum", "Mandi Bahauddin|Mandi Baha-ud-Din",
            "Faisalabad|Lyallpur", "Rawalpindi|Rawalpindy", "Kharian", "Sargodha", "Karachi", "Mirpur",
        ],
    ),
    "BD": dict(
        weight=7, family="arabic", male_share=0.85, placeholder=0.08, second_given=0.0,
        leading_muhammad=("Md|Md.|Mohammad|Mohammed|Muhammad|Mohd", 0.55),
        female_surnames=["Akter|Akhter|Aktar|Akther", "Begum|Begam", "Khatun|Khatoon", "Sultana|Sultanah"],
        male=[
            "Rafiqul|Rofiqul", "Shafiqul|Shofiqul", "Aminul", "Nazrul|Nozrul", "Saiful|Shaiful", "Monirul|Moniruzzaman",
            "Jahangir|Jahangeer", "Kamal|Kamaal", "Jamal|Jamaal", "Alamgir", "Habibur|Habibor", "Mizanur|Mizanor",
            "Mahbubur|Mahbubor", "Abdul Karim|Abdul Kareem|Abdulkarim", "Shahidul|Sahidul", "Rashedul|Rashidul",
            "Masud|Masood|Mashud", "Sohel|Sohail|Shohel", "Rubel|Rubul", "Sumon|Suman", "Shamim|Shameem",
            "Liton|Litton",
        ],
        female=[
            "Nasrin|Nasreen", "Shirin|Sirin", "Roksana|Rukhsana", "Fatema|Fatima", "Rina|Reena", "Shahnaz|Sahnaz",
            "Jesmin|Jasmin|Yasmin", "Taslima|Tasleema",
        ],
        surnames=[
            "Islam", "Hossain|Hussain|Hosain|Hossen", "Rahman|Rahaman|Rehman", "Uddin|Uddeen|Udin",
            "Ahmed|Ahmad", "Miah|Mia|Mya|Meah", "Alam", "Sarker|Sarkar", "Khan", "Chowdhury|Choudhury|Chowdhuri",
            "Mollah|Molla|Mulla", "Sheikh|Shaikh|Sk", "Bhuiyan|Bhuiya|Bhuyan", "Talukder|Talukdar", "Biswas",
        ],
        places=[
            "Dhaka|Dacca", "Sylhet|Silhet", "Comilla|Cumilla", "Chittagong|Chattogram", "Noakhali",
            "Faridpur", "Madaripur", "Shariatpur", "Munshiganj|Munshigonj", "Narsingdi|Narshingdi",
            "Barisal|Barishal", "Sunamganj|Sunamgonj",
        ],
    ),
    "SN": dict(
        weight=6, family="westafrican", male_share=0.9, placeholder=0.15, second_given=0.2,
        male=[
            "Mamadou|Mamadu|Mamado", "Ousmane|Usman|Ousman|Osmane", "Moussa|Musa|Mousa", "Cheikh|Cheick|Sheikh",
            "Abdoulaye|Abdoulay|Abdulai|Abdullahi", "Ibrahima|Ibrahim|Brahima", "Modou|Modu", "Babacar|Babakar",
            "Pape|Papa", "Alioune|Aliou|Aliune", "Serigne|Sérigne", "Assane|Hassane", "Mouhamed|Mouhamadou|Mohamed",
            "Lamine|Lamin|Amine", "Malick|Malik", "Ousseynou|Usseynu", "Souleymane|Suleiman|Sulayman|Souleimane",
            "Boubacar|Bubacarr|Abubakar|Aboubacar", "Omar|Oumar", "Khadim|Kadim",
        ],
        female=[
            "Fatou|Fatu", "Aminata|Aminatou", "Awa", "Mariama|Mariam", "Aissatou|Aisatou|Aïssatou",
            "Khady|Khadi", "Ndeye|N'Deye", "Coumba|Kumba", "Binta|Bintou", "Adama",
        ],
        surnames=[
            "Diop|Jobe|Dioup", "Ndiaye|N'Diaye|Njie|Ndiay", "Fall|Fal", "Sow|Sowe", "Diallo|Jallo|Djallo|Jallow",
            "Ba|Bah", "Gueye|Gaye|Gey", "Sarr|Sar", "Faye|Fay", "Seck|Sek", "Mbaye|M'Baye|Mbay",
            "Cisse|Cissé|Sisse|Ceesay", "Thiam|Tiam", "Niang|Gniang", "Diouf|Djouf", "Sy|Si", "Kane|Kan",
            "Wade|Wad", "Ndoye|N'Doye", "Dieng|Djeng", "Samb|Sambe", "Mbengue|M'Bengue",
        ],
        places=[
            "Dakar", "Touba", "Thiès|Thies", "Kaolack|Kaolak", "Saint-Louis|Saint Louis|St Louis",
            "Diourbel", "Louga", "Ziguinchor", "Mbacké|Mbacke", "Tambacounda|Tamba", "Kolda", "Fatick",
        ],
    ),
    "ML": dict(
        weight=4, family="westafrican", male_share=0.95, placeholder=0.15, second_given=0.2,
        male=[
            "Mamadou|Mamadu", "Moussa|Musa", "Seydou|Seidou|Seydu", "Bakary|Bakari|Bakarry", "Drissa|Idrissa",
            "Souleymane|Suleiman|Souleimane", "Adama", "Sekou|Sékou|Sekuo", "Lassana|Lasana", "Oumar|Omar|Umar",
            "Amadou|Ahmadou|Hamadou", "Boubacar|Abubakar|Aboubacar", "Modibo", "Yacouba|Yakouba|Yaqub",
            "Ibrahim|Ibrahima|Brahima", "Mohamed|Mahamadou|Mohammed", "Abdoulaye|Abdoulay", "Siaka|Sayaka",
        ],
        female=["Fatoumata|Fatimata|Fatouma", "Aminata", "Mariam|Mariama", "Kadiatou|Kadidiatou", "Awa", "Oumou|Umu"],
        surnames=[
            "Traore|Traoré|Trawally|Traorè", "Coulibaly|Kulibali|Koulibaly|Culibaly", "Keita|Keïta|Kéita|Keyta",
            "Diarra|Jara|Diara", "Konate|Konaté", "Sissoko|Cissoko|Sisoko", "Toure|Touré|Ture",
            "Diakite|Diakité|Jakite",
            "Doumbia|Dumbia", "Camara|Kamara", "Sangare|Sangaré", "Dembele|Dembélé", "Kone|Koné", "Sidibe|Sidibé",
            "Diallo|Jallo|Djallo", "Kante|Kanté", "Fofana|Fofanah", "Sacko|Sako", "Tounkara|Tunkara",
        ],
        places=[
            "Bamako", "Kayes", "Sikasso", "Ségou|Segou", "Mopti", "Kita", "Koutiala|Kutiala",
            "Nioro du Sahel|Nioro", "Diéma|Diema", "Yélimané|Yelimane", "Kati",
        ],
    ),
    "GM": dict(
        weight=3, family="westafrican", male_share=0.97, placeholder=0.15, second_given=0.2,
        male=[
            "Lamin|Lamine", "Ebrima|Ebrahima|Ibrahima", "Modou|Modu", "Alieu|Aliou|Aliu", "Bubacarr|Boubacar|Bubacar",
            "Omar|Omarr", "Musa|Moussa", "Sulayman|Suleiman|Souleymane", "Momodou|Mamadou|Momodu", "Ousman|Ousmane",
            "Buba|Bouba", "Yusupha|Youssouf|Yusuf", "Sheriff|Sherif", "Abdoulie|Abdoulaye", "Kebba|Keba",
        ],
        female=["Fatou|Fatu", "Isatou|Isatu|Aissatou", "Mariama|Mariam", "Awa", "Haddy|Hadi", "Binta"],
        surnames=[
            "Jallow|Diallo|Jallo|Djallo|Jalloh", "Ceesay|Cisse|Sisay|Ceesey", "Touray|Toure|Turay",
            "Sanneh|Sanne", "Jammeh|Jamme", "Bah|Ba", "Camara|Kamara", "Jobe|Job|Diop", "Njie|Ndiaye",
            "Darboe|Darbo", "Sowe|Sow", "Bojang|Bojan", "Manneh|Manne", "Drammeh|Dramé|Drame", "Fofana",
            "Jatta|Diatta", "Sonko|Sonco", "Saidy|Saydi",
        ],
        places=[
            "Banjul", "Serrekunda|Serekunda", "Brikama", "Bakau", "Farafenni|Farafeni", "Basse|Basse Santa Su",
            "Soma", "Lamin",
        ],
    ),
    "GN": dict(
        weight=3, family="westafrican", male_share=0.9, placeholder=0.15, second_given=0.25,
        male=[
            "Mamadou|Mamadu", "Alpha|Alfa", "Ibrahima|Ibrahim", "Thierno|Tierno|Cherno", "Abdoulaye|Abdoulay",
            "Amadou|Ahmadou", "Ousmane|Usman", "Oumar|Omar", "Mohamed|Mouhamed|Mohammed", "Sekou|Sékou",
            "Alhassane|Al Hassane|Alassane", "Saliou|Saliu", "Boubacar|Aboubacar", "Lansana|Lansane",
        ],
        female=["Mariama|Mariam", "Fatoumata|Fatimata", "Kadiatou|Kadiatu", "Aissatou|Aïssatou", "Hawa|Awa"],
        surnames=[
            "Diallo|Jallo|Djallo|Jallow", "Barry|Bari", "Bah|Ba", "Sow|Sowe", "Camara|Kamara", "Conde|Condé|Konde",
            "Keita|Keïta", "Soumah|Souma|Suma", "Sylla|Sila|Cilla", "Toure|Touré", "Balde|Baldé",
            "Kaba|Kabba", "Bangoura|Bangura", "Cisse|Cissé", "Kourouma|Kuruma",
        ],
        places=[
            "Conakry|Konakry", "Labé|Labe", "Kankan", "Kindia", "Nzérékoré|Nzerekore|N'Zerekore", "Mamou",
            "Boké|Boke", "Pita", "Dalaba", "Siguiri", "Faranah",
        ],
    ),
    "CI": dict(
        weight=3, family="westafrican", male_share=0.75, placeholder=0.15, second_given=0.25,
        male=[
            "Yao|Yaho", "Kouadio|Kwadio", "Konan|Konnan", "Jean", "Serge", "Moussa|Musa", "Ibrahim|Ibrahima",
            "Adama", "Souleymane|Souleimane", "Abdoul|Abdul", "Kouakou|Kwaku", "Didier", "Franck|Frank",
            "Arnaud|Arno", "Lassina|Lassana", "Brice",
        ],
        female=["Aya|Ahya", "Adjoua|Adjua", "Affoué|Affoue", "Mariam|Mariame", "Aminata", "Fanta", "Grace"],
        surnames=[
            "Kouassi|Kwasi|Kouasi", "Kone|Koné", "Ouattara|Watara|Wattara", "Yao", "Konan|Konnan", "Koffi|Kofi",
            "Traore|Traoré", "Bamba|Bambah", "Coulibaly|Kulibali|Koulibaly", "Kouame|Kouamé|Kwame",
            "N'Guessan|Nguessan|Guessan", "Diabate|Diabaté", "Soro", "Toure|Touré", "Kouadio|Kwadio",
        ],
        places=[
            "Abidjan", "Bouaké|Bouake", "Daloa", "Yamoussoukro|Yamusukro", "San-Pédro|San Pedro", "Korhogo",
            "Man", "Gagnoa", "Divo", "Abengourou|Abengouru", "Séguéla|Seguela",
        ],
    ),
    "NG": dict(
        weight=6, family="english", male_share=0.55, placeholder=0.15, second_given=0.3,
        male=[
            "Emmanuel|Emanuel", "Osagie|Osajie", "Godwin|Goodwin", "Samuel", "Friday", "Sunday", "Daniel",
            "Chukwuemeka|Chukwu Emeka|Emeka", "Oluwaseun|Seun", "Ibrahim", "Musa", "Abubakar|Aboubakar",
            "Chinedu", "Ifeanyi|Ifeanyichukwu", "Uche|Uchechukwu", "Obinna|Obina", "Babatunde|Tunde",
            "Olusegun|Segun", "Osaro|Osarho", "Efosa|Efosa", "Kingsley|Kinsley", "Victor", "Stanley",
            "Osas|Osasu",
        ],
        female=[
            "Blessing|Blesing", "Precious", "Joy", "Gift", "Faith|Fate", "Esther|Ester", "Favour|Favor",
            "Chioma", "Ngozi", "Adaeze|Ada", "Funmilayo|Funmi", "Osasu|Osas", "Osaretin|Osarentin",
            "Mercy", "Peace", "Happiness|Hapiness", "Vivian|Viviane", "Success",
        ],
        surnames=[
            "Osagie|Osajie", "Omoregie|Omoregbe", "Igbinosa|Igbinosun", "Okafor|Okafo", "Okonkwo|Okonko",
            "Eze", "Nwosu|Nwossu", "Okeke|Okekeh", "Chukwu|Chukwuh", "Adeyemi|Adeyemy", "Ogunleye|Ogunlaye",
            "Olawale|Olawele", "Adebayo|Adebayor", "Afolabi", "Bello|Belo", "Ehigiator|Ehigiatior",
            "Eghosa|Egosa", "Iyamu|Iyamuh", "Aigbe|Aigbeh", "Usman|Osman", "Mohammed|Muhammed|Mohamed",
            "Idahosa|Idahossa", "Obaseki|Obasiki", "Edosomwan|Edosomwen", "Uwaifo|Uwaifoh",
        ],
        places=[
            "Benin City|Benin", "Lagos", "Abuja", "Kano", "Enugu", "Ibadan", "Port Harcourt|Port-Harcourt",
            "Onitsha", "Warri", "Owerri", "Uromi", "Ekpoma", "Auchi",
        ],
    ),
    "GH": dict(
        weight=3, family="english", male_share=0.75, placeholder=0.15, second_given=0.3,
        male=[
            "Kwame|Kwami", "Kofi|Koffi", "Kwaku|Kwako", "Yaw|Yao", "Kwabena|Kwabina", "Kwasi|Kwesi|Kwaasi",
            "Kojo|Kodjo|Kwadwo", "Emmanuel|Emanuel", "Isaac|Isaak", "Samuel", "Ebenezer|Ebeneezer",
            "Prince", "Richard", "Abdul|Abdoul", "Eric|Erik", "Daniel",
        ],
        female=[
            "Akosua|Akossua", "Abena|Abenaa", "Ama|Amma", "Adwoa|Adjoa|Adwoah", "Akua|Akuah", "Yaa|Yah",
            "Efua|Effua", "Comfort", "Mercy", "Gifty|Gifti",
        ],
        surnames=[
            "Mensah|Mensa", "Owusu|Owusuh", "Boateng|Boatemaa", "Asante|Ashanti|Asantey", "Osei|Osey",
            "Agyeman|Agyemang", "Appiah|Apiah", "Amoah|Amoa", "Addo|Ado", "Ofori|Offori", "Darko|Darku",
            "Adjei|Agyei|Adjey", "Antwi|Antui", "Sarpong|Sarpon", "Amponsah|Amponsa", "Tetteh|Tete",
            "Quaye|Quay", "Annan|Anan",
        ],
        places=[
            "Accra|Akkra", "Kumasi|Kumassi", "Tamale", "Sunyani", "Techiman", "Takoradi|Sekondi-Takoradi",
            "Cape Coast", "Berekum", "Koforidua",
        ],
    ),
    "RO": dict(
        weight=11, family="romanian", male_share=0.5, placeholder=0.0, second_given=0.3,
        male=[
            "Ion|Ioan", "Gheorghe|Georghe|Gheorge", "Vasile|Vasilie", "Constantin|Costantin", "Mihai|Mihail",
            "Andrei|Andrey", "Ionuț", "Florin", "Marian", "Nicolae|Nicolai", "Daniel", "Adrian", "Alexandru",
            "Cătălin", "Cristian", "Dumitru", "Ștefan", "Petru|Petre", "Marius", "Costel", "Viorel", "Gabriel",
        ],
        female=[
            "Maria", "Elena", "Ioana", "Mihaela", "Andreea|Andrea", "Gabriela", "Ana", "Florentina", "Georgiana",
            "Nicoleta", "Daniela", "Cristina", "Alina", "Rodica", "Viorica", "Adriana", "Mariana", "Ionela",
        ],
        surnames=[
            "Popescu", "Popa", "Pop", "Ionescu", "Dumitru", "Stan", "Stoica", "Munteanu", "Constantin",
            "Gheorghe|Georghe", "Rusu", "Matei", "Ciobanu", "Lungu", "Moldovan", "Șerban", "Niță", "Țurcanu",
            "Bălan", "Dinu", "Mocanu", "Oprea", "Marin", "Radu", "Tudor", "Lazăr", "Ungureanu", "Sârbu|Sîrbu",
            "Florea", "Dobre", "Barbu", "Nistor", "Căpraru", "Toma",
        ],
        places=[
            "București|Bucuresti|Bucharest|Bucarest", "Iași|Iasi|Jassy", "Suceava", "Botoșani|Botosani",
            "Bacău|Bacau", "Vaslui", "Galați|Galati", "Brăila|Braila", "Craiova", "Constanța|Constanta",
            "Cluj-Napoca|Cluj|Cluj Napoca", "Timișoara|Timisoara", "Piatra Neamț|Piatra Neamt", "Focșani|Focsani",
            "Călărași|Calarasi", "Buzău|Buzau", "Târgu Jiu|Targu Jiu|Tirgu Jiu",
        ],
    ),
    "AL": dict(
        weight=7, family="albanian", male_share=0.65, placeholder=0.0, second_given=0.1,
        male=[
            "Arben", "Artan", "Besnik", "Ilir", "Gentian|Genti", "Erion", "Klodian|Klodjan", "Ardit", "Elton",
            "Fatmir", "Agron", "Dritan", "Mario", "Endrit", "Florian", "Altin", "Sokol", "Gëzim", "Xhevdet",
            "Edmond", "Armand", "Blerim", "Shpëtim",
        ],
        female=[
            "Anila", "Elona", "Mirela", "Blerina", "Entela", "Lindita", "Valbona", "Eriona", "Alketa", "Jonida",
            "Klodiana|Klodjana", "Ermira", "Rovena", "Arjola",
        ],
        surnames=[
            "Hoxha|Hodja|Hoxa|Hoja", "Shehu|Sheu", "Dervishi|Dervish", "Leka", "Gjoka|Gjoca|Djoka", "Çela|Chela",
            "Kola", "Marku", "Prifti", "Duka", "Basha|Bashaj", "Meta", "Lika", "Berisha", "Bregu", "Kapllani|Kaplani",
            "Muça", "Zeneli", "Hysa|Hisa", "Rama", "Gjini|Gjinaj", "Xhafa|Dzhafa", "Murati", "Dema", "Hasani",
        ],
        places=[
            "Tiranë|Tirana", "Durrës|Durazzo", "Vlorë|Vlora|Valona", "Shkodër|Shkodra|Scutari", "Elbasan",
            "Fier", "Korçë|Korca", "Berat", "Lushnjë|Lushnja", "Kavajë|Kavaja", "Lezhë|Lezha|Alessio",
        ],
    ),
    "UA": dict(
        weight=6, family="ukrainian", male_share=0.2, placeholder=0.0, second_given=0.0,
        male=[
            "Oleksandr|Aleksandr|Olexandr|Alexander|Oleksander", "Serhiy|Sergiy|Serhii|Sergey|Sergii",
            "Volodymyr|Vladimir|Volodimir", "Mykola|Nikolai|Mikola|Nikolay", "Andriy|Andrii|Andrey|Andrij",
            "Yuriy|Yurii|Iurii|Yuri|Jurij", "Vasyl|Vasily|Vasil", "Ivan", "Petro|Petr", "Dmytro|Dmitry|Dmitro",
            "Viktor|Victor", "Ihor|Igor", "Taras", "Bohdan|Bogdan", "Roman", "Mykhailo|Mikhail|Mychajlo",
        ],
        female=[
            "Olena|Elena|Alena", "Nataliya|Natalia|Natalya|Nataliia", "Oksana|Oxana", "Tetiana|Tatiana|Tetyana|Tatyana",
            "Iryna|Irina", "Halyna|Galina|Halina", "Svitlana|Svetlana", "Lyudmyla|Liudmyla|Ludmila|Lyudmila",
            "Mariya|Maria|Mariia", "Nadiya|Nadia|Nadiia|Nadezhda", "Valentyna|Valentina", "Hanna|Anna|Ganna",
            "Larysa|Larisa", "Yuliya|Yulia|Iuliia|Julia", "Oleksandra|Aleksandra|Alexandra", "Liliya|Lilia|Liliia",
            "Vira|Vera", "Olha|Olga|Olgha",
        ],
        surnames=[
            "Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Kovalchuk|Kowalczuk",
            "Boyko|Bojko", "Savchenko", "Rudenko", "Moroz", "Lysenko", "Marchenko", "Polishchuk", "Oliynyk|Olejnik",
            "Kravets", "Pavlenko", "Hrytsenko|Gritsenko", "Petrenko", "Kuzmenko", "Kovalyova|Kovaleva",
            "Shevchuk", "Ponomarenko", "Klymenko|Klimenko", "Voloshyn|Voloshin", "Sydorenko|Sidorenko",
        ],
        places=[
            "Kyiv|Kiev|Kyjiv", "Lviv|Lvov|Leopoli", "Ternopil|Ternopol",
            "Ivano-Frankivsk|Ivano Frankivsk|Ivano-Frankovsk",
            "Chernivtsi|Chernovtsy|Cernivtsi", "Khmelnytskyi|Khmelnitsky|Chmelnyckyj", "Odesa|Odessa",
            "Kharkiv|Kharkov", "Zhytomyr|Zhitomir", "Rivne|Rovno", "Lutsk|Luck", "Uzhhorod|Uzhgorod",
            "Vinnytsia|Vinnitsa|Vinnycja",
        ],
    ),
    "BG": dict(
        weight=3, family="bulgarian", male_share=0.55, placeholder=0.0, second_given=0.0, female_suffix="a",
        male=[
            "Georgi|Georgii|Gheorghi", "Ivan", "Dimitar|Dimitur|Dimiter", "Nikolay|Nikolai", "Petar|Peter|Petur",
            "Hristo|Christo|Khristo", "Stoyan|Stojan|Stoian", "Todor", "Vasil", "Angel", "Plamen", "Krasimir",
            "Yordan|Jordan|Iordan", "Atanas", "Kiril|Kirill", "Aleksandar|Alexandar|Alexander", "Asen|Assen",
        ],
        female=[
            "Maria|Mariya", "Ivanka", "Elena", "Desislava", "Gergana", "Snezhana|Snejana|Snezana",
            "Yordanka|Iordanka|Jordanka", "Rositsa|Rosica|Rositza", "Svetla", "Tsvetanka|Cvetanka|Tzvetanka",
            "Galina", "Petya|Petia", "Stanka", "Radka",
        ],
        surnames=[
            "Ivanov", "Georgiev|Gheorghiev", "Dimitrov", "Petrov", "Nikolov", "Hristov|Christov|Khristov",
            "Stoyanov|Stojanov|Stoianov", "Todorov", "Iliev|Iliyev", "Atanasov|Atanassov", "Angelov",
            "Yordanov|Iordanov|Jordanov", "Kolev", "Marinov", "Popov", "Vasilev|Vassilev",
            "Mihaylov|Mihailov|Mikhaylov",
            "Asenov|Assenov", "Kostov",
        ],
        places=[
            "Sofia|Sofiya", "Plovdiv", "Varna", "Burgas|Bourgas", "Ruse|Rousse", "Stara Zagora", "Pleven",
            "Sliven", "Pazardzhik|Pazardjik", "Haskovo|Hascovo", "Shumen|Sumen", "Dobrich", "Kardzhali|Kardjali",
        ],
    ),
}

SIKH = {"male": "Singh|Sing", "female": "Kaur|Kour|Kor"}

RECORDS_PER_PERSON = [(1, 0.60), (2, 0.22), (3, 0.12), (4, 0.06)]

# Probabilities of each slip, per record (see the module documentation).
P = dict(
    variant=0.30, drop=0.35, swap=0.08, given_missing=0.01, typo=0.08, capitals=0.35,
    dob_missing=0.06, dob_first_january=0.04, dob_day_one=0.03, dob_swap=0.04, dob_digit=0.05,
    sex_missing=0.07, sex_wrong=0.01, nationality_missing=0.08, place_missing=0.20, place_variant=0.30,
    phone_written=0.50, person_phone=0.50, shared_phone=0.02, sibling=0.06, twin=0.10,
)

# ---------------------------------------------------------------------------------------------------------------
# Spelling variants
# ---------------------------------------------------------------------------------------------------------------

# Rule-made variants by family of names: (pattern, replacement), each applied alone.
RULES = {
    "romanian": [("ș", "s"), ("ț", "t"), ("ă", "a"), ("â", "a"), ("î", "i"), ("ș", "ş"), ("ț", "ţ"),
                 ("escu$", "esku"), ("ea", "ia")],
    "albanian": [("ë", "e"), ("ç", "c"), ("xh", "dj"), ("ë$", ""), ("ll", "l")],
    "bulgarian": [("^Y", "J"), ("^Y", "I"), ("ts", "tz"), ("ts", "c"), ("zh", "j"), ("y", "i"), ("ov$", "off")],
    "ukrainian": [("ch", "c"), ("shch", "sc"), ("shch", "sh"), ("kh", "h"), ("y", "i"), ("iy$", "ii"), ("iy$", "y"),
                  ("ts", "c"), ("zh", "j"), ("^H", "G"), ("yk$", "ik")],
    "punjabi": [("preet", "prit"), ("preet", "preeth"), ("winder", "vinder"), ("winder", "windar"),
                ("jit$", "jeet"), ("deep$", "dip"), ("vir$", "veer"), ("inder$", "indar"), ("w", "v")],
    "arabic": [("^El ", "El"), ("^El ", "El-"), ("^El ", ""), ("^El ", "Al "), ("^Ben ", "Ben"), ("^Ben ", "Ben-"),
               ("^Ait ", "Ait"), ("^Abdel ", "Abdel"), ("^Abdel ", "Abdul "), ("^Abdul ", "Abdul"),
               ("mm", "m"), ("ss", "s"), ("dd", "d"), ("ou", "u"), ("ph", "f"), ("ee", "i"), ("oo", "u"), ("q", "k")],
    "westafrican": [("ou", "u"), ("^Dj", "J"), ("^Di([aeo])", r"J\1"), ("^C", "K"), ("y$", "i"), ("ss", "s"),
                    ("é", "e"), ("'", ""), ("rr", "r"), ("ll", "l")],
    "english": [("ss", "s"), ("ll", "l"), ("h$", ""), ("ph", "f"), ("'", ""), ("ou", "u")],
}

KEYBOARD = "qwertyuiop asdfghjkl zxcvbnm".split()


def keyboard_neighbours(letter):
    """Letters next to `letter` on a QWERTY keyboard (the same row), or a vowel when unknown."""
    lower = letter.lower()
    for row in KEYBOARD:
        at = row.find(lower)
        if at >= 0:
            near = [row[i] for i in (at - 1, at + 1) if 0 <= i < len(row)]
            return [c.upper() if letter.isupper() else c for c in near]
    return ["a", "e", "i", "o"]


def strip_accents(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


class Spellings:
    """Knows, for a name, the other ways desks write it: its group and the rules of its family."""

    def __init__(self):
        self.groups = {}
        self.cache = {}

    def register(self, entry):
        """Registers a pool entry "Usual|Variant|..." and returns its spellings."""
        spellings = entry.split("|")
        for spelling in spellings:
            known = self.groups.setdefault(spelling, [])
            for other in spellings:
                if other != spelling and other not in known:
                    known.append(other)
        return spellings

    def variants(self, name, family):
        key = (name, family)
        if key not in self.cache:
            found = list(self.groups.get(name, []))
            for pattern, replacement in RULES.get(family, []):
                changed = re.sub(pattern, replacement, name)
                if changed != name and changed.strip():
                    found.append(changed)
            plain = strip_accents(name)
            if plain != name:
                found.append(plain)
            if "-" in name:
                found.append(name.replace("-", " "))
            self.cache[key] = list(dict.fromkeys(v for v in found if v != name))
        return self.cache[key]


# ---------------------------------------------------------------------------------------------------------------
# Persons and records
# ---------------------------------------------------------------------------------------------------------------


class Pool:
    """Entries drawn with Zipf-like weights: the first entries are the most common."""

    def __init__(self, entries, spellings):
        self.entries = [spellings.register(entry) for entry in entries]
        self.cumulative = []
        total = 0.0
        for rank in range(len(self.entries)):
            total += 1.0 / (rank + 1) ** 0.9
            self.cumulative.append(total)

    def draw(self, rng):
        """A spelling group, chosen by weight."""
        return rng.choices(self.entries, cum_weights=self.cumulative)[0]


def own_spelling(rng, group):
    """The spelling a person's documents carry: the usual one 60% of the time."""
    return group[0] if len(group) == 1 or rng.random() < 0.6 else rng.choice(group[1:])


class Origin:
    def __init__(self, code, spec, spellings):
        self.code = code
        self.nationality = spec.get("nationality", code)
        self.weight = spec["weight"]
        self.family = spec["family"]
        self.male_share = spec["male_share"]
        self.placeholder = spec["placeholder"]
        self.second_given = spec["second_given"]
        self.father_name = spec.get("father_name", 0.0)
        self.sikh = spec.get("sikh", False)
        self.female_suffix = spec.get("female_suffix", "")
        self.male = Pool(spec["male"], spellings)
        self.female = Pool(spec["female"], spellings)
        self.surnames = Pool(spec["surnames"], spellings)
        self.female_surnames = Pool(spec["female_surnames"], spellings) if "female_surnames" in spec else None
        self.places = Pool(spec["places"], spellings)
        muhammad = spec.get("leading_muhammad")
        self.muhammad = (spellings.register(muhammad[0]), muhammad[1]) if muhammad else None
        self.sikh_names = {sex: spellings.register(entry) for sex, entry in SIKH.items()}


class Person:
    """The truth about one person. Name parts are (spelling, droppable) pairs."""

    __slots__ = ("number", "origin", "sex", "given", "surname", "family_name", "birth", "place", "phone")

    def __init__(self, number, origin):
        self.number = number
        self.origin = origin
        self.family_name = None  # a Sikh family name (Sandhu...) written in several places, or none


def new_person(rng, number, origin, spellings, phones):
    person = Person(number, origin)
    person.sex = "M" if rng.random() < origin.male_share else "F"
    person.given = given_names(rng, origin, person.sex)
    person.surname = surname_of(rng, origin, person.sex)
    if origin.sikh and rng.random() < 0.55:
        person.family_name = own_spelling(rng, origin.surnames.draw(rng))
    person.birth = birth_date(rng, origin)
    person.place = own_spelling(rng, origin.places.draw(rng))
    person.phone = phones.draw(rng)
    return person


def given_names(rng, origin, sex):
    pool = origin.male if sex == "M" else origin.female
    first = own_spelling(rng, pool.draw(rng))
    names = [(first, False)]
    if origin.muhammad and sex == "M" and rng.random() < origin.muhammad[1]:
        names.insert(0, (own_spelling(rng, origin.muhammad[0]), True))
    if rng.random() < origin.second_given:
        second = own_spelling(rng, pool.draw(rng))
        if second != first:
            names.append((second, True))
    if rng.random() < origin.father_name:
        names.append((own_spelling(rng, origin.male.draw(rng)), True))  # the father's name, as a middle name
    return names


def surname_of(rng, origin, sex):
    if origin.sikh:
        return origin.sikh_names["male" if sex == "M" else "female"][0]  # Singh / Kaur on every passport
    if sex == "F" and origin.female_surnames and rng.random() < 0.7:
        return own_spelling(rng, origin.female_surnames.draw(rng))
    surname = own_spelling(rng, origin.surnames.draw(rng))
    return surname + origin.female_suffix if sex == "F" else surname


def birth_date(rng, origin):
    year = int(rng.triangular(1962, 2006.99, 1992))
    if rng.random() < origin.placeholder:
        return datetime.date(year, 1, 1)
    return datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))


def sibling_of(rng, number, elder, phones):
    """Same family: surname, place and nationality kept; another given name and birth date."""
    origin = elder.origin
    person = Person(number, origin)
    person.sex = "M" if rng.random() < origin.male_share else "F"
    person.given = given_names(rng, origin, person.sex)
    if origin.sikh:
        person.surname = surname_of(rng, origin, person.sex)
        person.family_name = elder.family_name
    elif person.sex == elder.sex or not origin.female_suffix:
        person.surname = elder.surname
    else:
        base = elder.surname[:-len(origin.female_suffix)] if elder.sex == "F" else elder.surname
        person.surname = base + origin.female_suffix if person.sex == "F" else base
    if rng.random() < P["twin"]:
        person.birth = elder.birth
    else:
        gap = rng.randint(1, 10) * rng.choice((-1, 1))
        person.birth = datetime.date(min(max(elder.birth.year + gap, 1950), 2007), 1, 1) + datetime.timedelta(
            days=rng.randrange(365))
    person.place = elder.place
    person.phone = phones.draw(rng)
    return person


class Phones:
    """Italian mobile numbers; a few intermediaries' numbers are given by several persons."""

    def __init__(self):
        self.shared = []

    def fresh(self, rng):
        return "3" + str(rng.randint(20, 93)) + "".join(str(rng.randrange(10)) for _ in range(7))

    def draw(self, rng):
        if rng.random() < P["shared_phone"]:
            if not self.shared or rng.random() < 0.05:
                self.shared.append(self.fresh(rng))
            return rng.choice(self.shared)
        return self.fresh(rng) if rng.random() < P["person_phone"] else None


def write_phone(rng, number):
    style = rng.randrange(4)
    if style == 0:
        return number
    if style == 1:
        return f"+39 {number[:3]} {number[3:]}"
    if style == 2:
        return f"0039{number}"
    return f"{number[:3]}-{number[3:]}"


def spell(rng, name, family, spellings):
    """A name part as one desk writes it: sometimes another spelling of it (name parts may hold spaces)."""
    if rng.random() < P["variant"]:
        options = spellings.variants(name, family)
        if options:
            return rng.choice(options)
    return name


def typo(rng, text):
    """One typing slip: a letter replaced by a keyboard neighbour, left out, doubled, or swapped with the next."""
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    if len(letters) < 3:
        return text
    at = rng.choice(letters)
    kind = rng.randrange(4)
    if kind == 0:
        return text[:at] + rng.choice(keyboard_neighbours(text[at])) + text[at + 1:]
    if kind == 1:
        return text[:at] + text[at + 1:]
    if kind == 2:
        return text[:at] + text[at] + text[at:]
    if at + 1 < len(text) and text[at + 1].isalpha():
        return text[:at] + text[at + 1] + text[at] + text[at + 2:]
    return text


def written_names(rng, person, spellings):
    """(given_name, surname) as written on one record."""
    family = person.origin.family
    given = [spell(rng, name, family, spellings) for name, droppable in person.given
             if not droppable or rng.random() >= P["drop"]]
    if not given:
        given = [spell(rng, person.given[-1][0], family, spellings)]
    surname = [spell(rng, person.surname, family, spellings)]
    if person.family_name:
        family_name = spell(rng, person.family_name, family, spellings)
        layout = rng.randrange(4)
        if layout == 1:
            surname.append(family_name)  # Gurpreet / Singh Sandhu
        elif layout == 2:
            given.extend(surname)  # Gurpreet Singh / Sandhu
            surname = [family_name]
        elif layout == 3:
            surname = [family_name]  # Gurpreet / Sandhu
    given_text, surname_text = " ".join(given), " ".join(surname)
    if rng.random() < P["typo"]:
        if rng.random() < 0.5:
            given_text = typo(rng, given_text)
        else:
            surname_text = typo(rng, surname_text)
    if rng.random() < P["swap"]:
        given_text, surname_text = surname_text, given_text
    if rng.random() < P["given_missing"]:
        given_text = ""
    return given_text, surname_text


def valid(year, month, day):
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def slip_digit(rng, date):
    """One digit of the day, month or year typed wrong (the result still a real date)."""
    for _ in range(10):
        part = rng.choices(("year", "month", "day"), weights=(4, 2, 4))[0]
        digits = {"year": f"{date.year:04d}", "month": f"{date.month:02d}", "day": f"{date.day:02d}"}
        text = digits[part]
        at = rng.randrange(2, 4) if part == "year" else rng.randrange(2)
        text = text[:at] + str(rng.randrange(10)) + text[at + 1:]
        digits[part] = text
        changed = valid(int(digits["year"]), int(digits["month"]), int(digits["day"]))
        if changed and changed != date:
            return changed
    return date


def written_birth(rng, birth):
    roll = rng.random()
    edges = [P["dob_missing"], P["dob_first_january"], P["dob_day_one"], P["dob_swap"], P["dob_digit"]]
    if roll < edges[0]:
        return ""
    roll -= edges[0]
    date = birth
    if roll < edges[1]:
        date = datetime.date(birth.year, 1, 1)
    elif roll < edges[1] + edges[2]:
        date = birth.replace(day=1)
    elif roll < edges[1] + edges[2] + edges[3]:
        if birth.day <= 12 and birth.day != birth.month:
            date = datetime.date(birth.year, birth.day, birth.month)
    elif roll < sum(edges[1:]):
        date = slip_digit(rng, birth)
    return date.isoformat()


def written_record(rng, person, spellings):
    given, surname = written_names(rng, person, spellings)
    place = ""
    if rng.random() >= P["place_missing"]:
        place = person.place
        if rng.random() < P["place_variant"]:
            options = spellings.variants(place, person.origin.family)
            if options:
                place = rng.choice(options)
    if rng.random() < P["capitals"]:
        given, surname, place = given.upper(), surname.upper(), place.upper()
    sex = person.sex
    roll = rng.random()
    if roll < P["sex_missing"]:
        sex = ""
    elif roll < P["sex_missing"] + P["sex_wrong"]:
        sex = "F" if sex == "M" else "M"
    nationality = "" if rng.random() < P["nationality_missing"] else person.origin.nationality
    phone = write_phone(rng, person.phone) if person.phone and rng.random() < P["phone_written"] else ""
    return [given, surname, written_birth(rng, person.birth), sex, nationality, place, phone]


def record_count(rng):
    roll, total = rng.random(), 0.0
    for count, share in RECORDS_PER_PERSON:
        total += share
        if roll < total:
            return count
    return RECORDS_PER_PERSON[-1][0]


def generate(size, seed):
    """(rows, truth): `size` records as lists in HEADER order without the id, and the person number of each."""
    rng = random.Random(seed)
    spellings = Spellings()
    origins = [Origin(code, spec, spellings) for code, spec in ORIGINS.items()]
    weights = [origin.weight for origin in origins]
    phones = Phones()
    rows, truth, persons = [], [], []
    while len(rows) < size:
        number = len(persons)
        if persons and rng.random() < P["sibling"]:
            person = sibling_of(rng, number, rng.choice(persons), phones)
        else:
            person = new_person(rng, number, rng.choices(origins, weights=weights)[0], spellings, phones)
        persons.append(person)
        for _ in range(min(record_count(rng), size - len(rows))):
            rows.append(written_record(rng, person, spellings))
            truth.append(number)
    order = list(range(len(rows)))
    rng.shuffle(order)
    return [rows[i] for i in order], [truth[i] for i in order]


def main():
    parser = argparse.ArgumentParser(description="Generate a migrant-name variant set (see the module docs).")
    parser.add_argument("--size", type=int, default=10_000, help="number of records (default 10000)")
    parser.add_argument("--seed", type=int, default=20261123, help="random seed (default 20261123)")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "data"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rows, truth = generate(args.size, args.seed)
    width = max(7, len(str(len(rows))))
    path = os.path.join(args.out, f"migrants_{args.size}.csv")
    truth_path = os.path.join(args.out, f"migrants_{args.size}_truth.csv")
    with open(path, "w", newline="", encoding="utf-8") as out, \
            open(truth_path, "w", newline="", encoding="utf-8") as tr:
        records, truths = csv.writer(out), csv.writer(tr)
        records.writerow(HEADER)
        truths.writerow(["id", "true_cluster"])
        for index, (row, person) in enumerate(zip(rows, truth), start=1):
            record_id = f"m{index:0{width}d}"
            records.writerow([record_id] + row)
            truths.writerow([record_id, person])
    print(f"{path}: {len(rows)} records of {len(set(truth))} persons")


if __name__ == "__main__":
    main()
