# «আপনার অধিকার জানুন»: শ্রমিকদের জন্য সর্বজনীন পাতা, /rights/bn।
# Review status: DRAFT translation, to be checked by an intercultural
# mediator. Corrections: edit this file, then set rights-review-state to
# reviewed and change rights-review-status (see README, "Translations").

rights-language-name = বাংলা
# reviewed, or draft (to be checked by an intercultural mediator).
rights-review-state = draft
rights-review-status = এটি খসড়া অনুবাদ। একজন আন্তঃসাংস্কৃতিক মধ্যস্থতাকারীকে এটি যাচাই করতে হবে।
rights-mediators = আপনি কি আন্তঃসাংস্কৃতিক মধ্যস্থতাকারী হিসেবে কাজ করেন? এই পাতায় ভুল পেলে, নেটওয়ার্কের আঞ্চলিক কারিগরি সচিবালয়ে আপনার সংশোধন পাঠান।

rights-title = আপনার অধিকার জানুন
rights-lead = আপনি যদি ইতালিতে কাজ করেন, আপনার অধিকার আছে। কাগজপত্র ছাড়াও। এই পাতা আপনার অধিকার আর সাহায্যের জায়গাগুলো বলে দেয়। এটি আপনার সম্পর্কে কিছুই সংরক্ষণ করে না।
rights-skip = মূল বিষয়ে যান
rights-network = কাজে শোষণের বিরুদ্ধে নেটওয়ার্ক
rights-other-languages = অন্য ভাষা
rights-choose-language = আপনার ভাষা বেছে নিন
rights-unknown-language = এই ভাষাটি নেই। নিচ থেকে একটি ভাষা বেছে নিন।
rights-nothing-stored = এই পাতা আপনার সম্পর্কে কিছুই সংরক্ষণ করে না: কোনো কুকি নেই, কোনো উত্তর রাখা হয় না।
rights-login-link = আপনি কি ইতালিতে কাজ করেন? আপনার অধিকার জানুন (আটটি ভাষায়)

rights-hotline-title = মানব পাচারের বিরুদ্ধে বিনামূল্যের নম্বর
rights-hotline-free = কল বিনামূল্যে।
rights-hotline-anonymous = আপনার নাম বলতে হবে না।
rights-hotline-always = তারা সবসময় উত্তর দেয়: দিনে রাতে, প্রতিদিন।
rights-hotline-languages = তারা অনেক ভাষায় কথা বলে।
rights-danger-title = আপনি কি এখন বিপদে আছেন?
rights-danger = এখনই জরুরি নম্বরে কল করুন:

rights-exploitation-title = কাজে শোষণ কী?
rights-exploitation-lead = এটা শোষণ, যখন, যেমন:
rights-exploitation-pay = চুক্তি বা প্রতিশ্রুতির চেয়ে আপনাকে অনেক কম বেতন দেওয়া হয়।
rights-exploitation-hours = আপনি দিনে অনেক বেশি ঘণ্টা কাজ করেন।
rights-exploitation-rest = আপনার কোনো ছুটির দিন নেই, বিরতিও নেই।
rights-exploitation-danger = কাজটি বিপজ্জনক বা অপমানজনক, কোনো সুরক্ষা ছাড়া।
rights-exploitation-housing = আপনাকে নোংরা, ভিড়ে ভরা বা বিপজ্জনক জায়গায় থাকতে হয়।
rights-exploitation-documents = কেউ আপনার পাসপোর্ট বা কাগজপত্র নিয়ে নিয়েছে।
rights-exploitation-debt = যে আপনাকে এখানে এনেছে বা কাজ খুঁজে দিয়েছে, আপনি তার কাছে ঋণী, আর সেই ঋণ কখনো শেষ হয় না।
rights-exploitation-threats = কেউ আপনাকে বা আপনার পরিবারকে হুমকি দেয়।
rights-exploitation-violence = কেউ আপনাকে মারে বা আঘাত করে।
rights-exploitation-caporali = একজন «কাপোরালে» (অবৈধ দালাল) আপনার কাজ চালায় আর আপনার বেতনের একটা অংশ নিয়ে নেয়।
rights-exploitation-not-your-fault = এটা আপনার দোষ নয়। শ্রমিকদের শোষণ করা অপরাধ।

rights-yours-title = আপনার অধিকার
rights-yours-papers = রেসিডেন্স পারমিট না থাকলেও আপনার অধিকার আছে।
rights-yours-pay = আপনি যে কাজ করেছেন তার মজুরি পেতে হবে, চুক্তি ছাড়াও।
rights-yours-safety = নিরাপদে কাজ করা আর বিশ্রাম নেওয়া আপনার অধিকার।
rights-yours-health = কাগজপত্র ছাড়াও আপনি জরুরি চিকিৎসা পেতে পারেন।
rights-yours-documents = কেউ আপনার পাসপোর্ট বা কাগজপত্র নিজের কাছে রাখতে পারে না।
rights-yours-free = সাহায্য বিনামূল্যে এবং গোপনীয়।
rights-permit = আপনি যদি শোষণ বা মানব পাচারের শিকার হন, তাহলে হয়তো আপনি একটি বিশেষ রেসিডেন্স পারমিট পাওয়ার অধিকারী হতে পারেন।
rights-permit-ask = বিনামূল্যের নম্বরে বা কোনো কেন্দ্রে জিজ্ঞেস করুন: তারা বলবে এটা আপনার ক্ষেত্রে খাটে কি না।

rights-help-title = কী সাহায্য পাওয়া যায়
rights-help-shelter = দরকার হলে এখনই ঘুমানোর জন্য নিরাপদ জায়গা।
rights-help-health = চিকিৎসা আর মানসিক সহায়তা।
rights-help-legal = বিনামূল্যে আইনি সাহায্য: কাগজপত্রের জন্য, পাওনা বেতনের জন্য, আর আপনি চাইলে অভিযোগ করার জন্য।
rights-help-work = বৈধ কাজ খুঁজতে সাহায্য, আর ইতালীয় ভাষা ও কাজের প্রশিক্ষণের কোর্স।
rights-help-unions = শ্রমিক ইউনিয়ন: কাগজপত্র ছাড়াও শ্রমিকদের রক্ষা করে।
rights-help-inspectorate = শ্রম পরিদর্শন দপ্তর: যে মালিকরা নিয়ম মানে না, তাদের পরীক্ষা করে।

rights-check-title = আপনার অবস্থা যাচাই করুন
rights-check-lead = এই প্রশ্নগুলোর উত্তর দিন। আপনার উত্তর সংরক্ষণ করা হয় না। ফলাফল শুধু একটি ইঙ্গিত: এটা আইনি মতামত নয়।
rights-q-documents = কেউ কি আপনার পাসপোর্ট বা কাগজপত্র নিয়ে নিয়েছে?
rights-q-pay = আপনাকে কি প্রতিশ্রুতির চেয়ে অনেক কম বেতন দেওয়া হয়?
rights-q-hours = আপনি কি প্রতিদিন অনেক ঘণ্টা কাজ করেন, কোনো ছুটি ছাড়া?
rights-q-debt = আপনি কি আপনার মালিক বা যে কাজ খুঁজে দিয়েছে তার কাছে টাকা ধারেন?
rights-q-threats = কেউ কি আপনাকে হুমকি দেয় বা আঘাত করে?
rights-q-leave = আপনি কি যখন খুশি এই কাজ ছেড়ে দিতে পারেন?
rights-yes = হ্যাঁ
rights-no = না
rights-check-submit = ফলাফল দেখুন

rights-result-title = আপনার ফলাফল
rights-result-signs-title = আপনার কিছু উত্তর কাজে শোষণের লক্ষণ।
rights-sign-documents = কেউ আপনার কাগজপত্র রাখতে পারে না। সেগুলো ফেরত পাওয়ার অধিকার আপনার আছে।
rights-sign-pay = আপনার কাজের জন্য ন্যায্য বেতন পেতে হবে।
rights-sign-hours = বিশ্রাম ছাড়া অনেক ঘণ্টা কাজ ক্ষতিকর, আর এটা অনুমোদিত নয়।
rights-sign-debt = যারা কাজ দেয় তাদের কাছে ঋণ আপনাকে নিয়ন্ত্রণ করার একটি উপায় হতে পারে।
rights-sign-threats = হুমকি আর সহিংসতা অপরাধ। আপনি সুরক্ষা চাইতে পারেন।
rights-sign-leave = আপনার কাজ ছেড়ে দেওয়ার স্বাধীনতা থাকতে হবে।
rights-result-help-free = আপনি একা নন। সাহায্য বিনামূল্যে এবং গোপনীয়, কাগজপত্র ছাড়াও।
rights-result-no-signs = আপনার উত্তরে শোষণের কোনো স্পষ্ট লক্ষণ দেখা যাচ্ছে না। কিছু নিয়ে চিন্তা হলে পরামর্শ নিন: এটা বিনামূল্যে।
rights-result-indicative = এই যাচাই শুধু একটি ইঙ্গিত। এটা আপনার অবস্থার আইনি মূল্যায়ন নয়।
rights-result-not-saved = আপনার উত্তর সংরক্ষণ করা হয়নি।
rights-back = আপনার অধিকারের পাতায় ফিরে যান

rights-desks-title = আপনার কাছের সাহায্য কেন্দ্র
rights-desks-lead = আপনি নেটওয়ার্কের এই সেবাগুলোতে যেতে বা ফোন করতে পারেন। এগুলো বিনামূল্যে।
rights-desks-region = আপনার অঞ্চল
rights-desks-all-regions = সব অঞ্চল
rights-desks-show = দেখান
rights-desks-none = এখানে এখনো কোনো কেন্দ্রের নাম নেই। বিনামূল্যের নম্বরে কল করুন: তারা বলবে কোথায় যেতে হবে।
rights-desks-in-italian = নাম, ঠিকানা আর সময় ইতালীয় ভাষায় লেখা।
rights-desk-address = ঠিকানা:
rights-desk-phone = ফোন:
rights-desk-hours = সময়:
rights-kind-desk = সাহায্য কেন্দ্র
rights-kind-mobile_unit = ভ্রাম্যমাণ দল: আপনার কাজের জায়গায় আসে
rights-kind-union = শ্রমিক ইউনিয়ন
rights-kind-reception_centre = অভ্যর্থনা ও আশ্রয় কেন্দ্র
rights-kind-helpline = সাহায্যের ফোন লাইন
rights-kind-other = নেটওয়ার্কের সেবা
