# «اپنے حقوق جانیں»: مزدوروں کے لیے عوامی صفحہ، /rights/ur (دائیں سے بائیں)۔
# Review status: DRAFT translation, to be checked by an intercultural
# mediator. Corrections: edit this file, then set rights-review-state to
# reviewed and change rights-review-status (see README, "Translations").
# Numbers and the legal reference are put in the page by the template,
# isolated left to right: keep them out of these sentences.

rights-language-name = اردو
# reviewed, or draft (to be checked by an intercultural mediator).
rights-review-state = draft
rights-review-status = یہ ابتدائی ترجمہ ہے۔ کسی ثقافتی ثالث کو اسے جانچنا ہے۔
rights-mediators = کیا آپ ثقافتی ثالث کے طور پر کام کرتے ہیں؟ اگر اس صفحے میں غلطیاں ملیں تو اپنی درستیاں نیٹ ورک کے علاقائی تکنیکی سیکرٹریٹ کو بھیجیں۔

rights-title = اپنے حقوق جانیں
rights-lead = اگر آپ اٹلی میں کام کرتے ہیں تو آپ کے حقوق ہیں۔ کاغذات کے بغیر بھی۔ یہ صفحہ آپ کے حقوق اور مدد کی جگہیں بتاتا ہے۔ یہ آپ کے بارے میں کچھ محفوظ نہیں کرتا۔
rights-skip = مواد پر جائیں
rights-network = مزدوروں کے استحصال کے خلاف نیٹ ورک
rights-other-languages = دوسری زبانیں
rights-choose-language = اپنی زبان چنیں
rights-unknown-language = یہ زبان دستیاب نہیں ہے۔ نیچے سے کوئی زبان چنیں۔
rights-nothing-stored = یہ صفحہ آپ کے بارے میں کچھ محفوظ نہیں کرتا: نہ کوئی کوکی، نہ کوئی جواب۔
rights-login-link = کیا آپ اٹلی میں کام کرتے ہیں؟ اپنے حقوق جانیں (آٹھ زبانوں میں)

rights-hotline-title = انسانی اسمگلنگ کے خلاف مفت نمبر
rights-hotline-free = کال مفت ہے۔
rights-hotline-anonymous = آپ کو اپنا نام بتانا ضروری نہیں۔
rights-hotline-always = ہر وقت جواب دیتے ہیں: دن رات، ہر روز۔
rights-hotline-languages = وہ بہت سی زبانیں بولتے ہیں۔
rights-danger-title = کیا آپ ابھی خطرے میں ہیں؟
rights-danger = فوراً ایمرجنسی نمبر پر کال کریں:

rights-exploitation-title = کام میں استحصال کیا ہے؟
rights-exploitation-lead = یہ استحصال ہے جب، مثال کے طور پر:
rights-exploitation-pay = آپ کو معاہدے یا وعدے سے بہت کم تنخواہ ملتی ہے۔
rights-exploitation-hours = آپ دن میں بہت زیادہ گھنٹے کام کرتے ہیں۔
rights-exploitation-rest = آپ کو نہ چھٹی کا دن ملتا ہے نہ وقفہ۔
rights-exploitation-danger = کام خطرناک یا ذلت آمیز ہے، اور حفاظت کا انتظام نہیں۔
rights-exploitation-housing = آپ کو گندی، بھری ہوئی یا خطرناک جگہ پر رہنا پڑتا ہے۔
rights-exploitation-documents = کسی نے آپ کا پاسپورٹ یا کاغذات لے لیے ہیں۔
rights-exploitation-debt = آپ اس شخص کے مقروض ہیں جو آپ کو یہاں لایا یا جس نے کام دلوایا، اور قرض کبھی ختم نہیں ہوتا۔
rights-exploitation-threats = کوئی آپ کو یا آپ کے خاندان کو دھمکی دیتا ہے۔
rights-exploitation-violence = کوئی آپ کو مارتا ہے یا تکلیف پہنچاتا ہے۔
rights-exploitation-caporali = ایک «کاپورالے» (غیر قانونی ٹھیکیدار) آپ کا کام چلاتا ہے اور آپ کی تنخواہ کا حصہ لے لیتا ہے۔
rights-exploitation-not-your-fault = یہ آپ کا قصور نہیں ہے۔ مزدوروں کا استحصال جرم ہے۔

rights-yours-title = آپ کے حقوق
rights-yours-papers = رہائشی اجازت نامہ نہ ہو تب بھی آپ کے حقوق ہیں۔
rights-yours-pay = آپ نے جو کام کیا ہے اس کی اجرت ملنی چاہیے، معاہدے کے بغیر بھی۔
rights-yours-safety = آپ کو محفوظ طریقے سے کام کرنے اور آرام کرنے کا حق ہے۔
rights-yours-health = کاغذات کے بغیر بھی آپ کو فوری طبی علاج مل سکتا ہے۔
rights-yours-documents = کوئی بھی آپ کا پاسپورٹ یا کاغذات اپنے پاس نہیں رکھ سکتا۔
rights-yours-free = مدد مفت ہے اور راز میں رکھی جاتی ہے۔
rights-permit = اگر آپ استحصال یا انسانی اسمگلنگ کا شکار ہیں تو ہو سکتا ہے آپ خصوصی رہائشی اجازت نامے کے حق دار ہوں۔
rights-permit-ask = مفت نمبر یا کسی دفتر سے پوچھیں: وہ بتائیں گے کہ کیا یہ آپ کا معاملہ ہے۔

rights-help-title = کون سی مدد موجود ہے
rights-help-shelter = ضرورت ہو تو فوراً سونے کے لیے محفوظ جگہ۔
rights-help-health = طبی علاج اور نفسیاتی مدد۔
rights-help-legal = مفت قانونی مدد: کاغذات کے لیے، واجب الادا تنخواہ کے لیے، اور اگر آپ چاہیں تو شکایت درج کرانے کے لیے۔
rights-help-work = قانونی کام ڈھونڈنے میں مدد، اور اطالوی زبان اور ہنر کے کورس۔
rights-help-unions = مزدور یونینیں: کاغذات کے بغیر بھی مزدوروں کا دفاع کرتی ہیں۔
rights-help-inspectorate = لیبر انسپکٹوریٹ: ان مالکوں کی جانچ کرتا ہے جو قوانین کی پابندی نہیں کرتے۔

rights-check-title = اپنی صورتحال جانچیں
rights-check-lead = ان سوالوں کے جواب دیں۔ آپ کے جواب محفوظ نہیں کیے جاتے۔ نتیجہ صرف ایک اشارہ ہے: یہ قانونی رائے نہیں ہے۔
rights-q-documents = کیا کسی نے آپ کا پاسپورٹ یا کاغذات لے لیے ہیں؟
rights-q-pay = کیا آپ کو وعدے سے بہت کم تنخواہ ملتی ہے؟
rights-q-hours = کیا آپ ہر روز بہت زیادہ گھنٹے کام کرتے ہیں، بغیر چھٹی کے؟
rights-q-debt = کیا آپ اپنے مالک یا کام دلوانے والے شخص کے مقروض ہیں؟
rights-q-threats = کیا کوئی آپ کو دھمکی دیتا ہے یا تکلیف پہنچاتا ہے؟
rights-q-leave = کیا آپ جب چاہیں یہ کام چھوڑ سکتے ہیں؟
rights-yes = ہاں
rights-no = نہیں
rights-check-submit = نتیجہ دیکھیں

rights-result-title = آپ کا نتیجہ
rights-result-signs-title = آپ کے کچھ جواب کام میں استحصال کی علامات ہیں۔
rights-sign-documents = کوئی آپ کے کاغذات نہیں رکھ سکتا۔ آپ کو انہیں واپس لینے کا حق ہے۔
rights-sign-pay = آپ کو اپنے کام کی منصفانہ تنخواہ ملنی چاہیے۔
rights-sign-hours = آرام کے بغیر بہت زیادہ گھنٹے نقصان دہ ہیں اور ان کی اجازت نہیں۔
rights-sign-debt = کام دینے والوں کا قرض آپ کو قابو میں رکھنے کا طریقہ ہو سکتا ہے۔
rights-sign-threats = دھمکیاں اور تشدد جرم ہیں۔ آپ تحفظ مانگ سکتے ہیں۔
rights-sign-leave = آپ کو اپنا کام چھوڑنے کی آزادی ہونی چاہیے۔
rights-result-help-free = آپ اکیلے نہیں ہیں۔ مدد مفت ہے اور راز میں رکھی جاتی ہے، کاغذات کے بغیر بھی۔
rights-result-no-signs = آپ کے جوابات میں استحصال کی کوئی واضح علامت نظر نہیں آتی۔ اگر کوئی بات پریشان کرے تو مشورہ لیں: یہ مفت ہے۔
rights-result-indicative = یہ جانچ صرف ایک اشارہ ہے۔ یہ آپ کی صورتحال کا قانونی جائزہ نہیں ہے۔
rights-result-not-saved = آپ کے جواب محفوظ نہیں کیے گئے۔
rights-back = اپنے حقوق کے صفحے پر واپس جائیں

rights-desks-title = آپ کے قریب مدد کے دفاتر
rights-desks-lead = آپ نیٹ ورک کی ان خدمات پر جا سکتے ہیں یا فون کر سکتے ہیں۔ یہ مفت ہیں۔
rights-desks-region = آپ کا علاقہ
rights-desks-all-regions = تمام علاقے
rights-desks-show = دکھائیں
rights-desks-none = ابھی یہاں کوئی دفتر درج نہیں۔ مفت نمبر پر کال کریں: وہ بتائیں گے کہ کہاں جانا ہے۔
rights-desks-in-italian = نام، پتے اور اوقات اطالوی زبان میں لکھے ہیں۔
rights-desk-address = پتہ:
rights-desk-phone = فون:
rights-desk-hours = اوقات:
rights-kind-desk = مدد کا دفتر
rights-kind-mobile_unit = موبائل یونٹ: آپ کے کام کی جگہ پر آتا ہے
rights-kind-union = مزدور یونین
rights-kind-reception_centre = استقبالیہ مرکز
rights-kind-helpline = مدد کی ٹیلیفون لائن
rights-kind-other = نیٹ ورک کی خدمت
