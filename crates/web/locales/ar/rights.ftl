# «اعرف حقوقك»: الصفحة العامة للعمال، /rights/ar (من اليمين إلى اليسار).
# Review status: DRAFT translation, to be checked by an intercultural
# mediator. Corrections: edit this file, then set rights-review-state to
# reviewed and change rights-review-status (see README, "Translations").
# Numbers and the legal reference are put in the page by the template,
# isolated left to right: keep them out of these sentences.

rights-language-name = العربية
# reviewed, or draft (to be checked by an intercultural mediator).
rights-review-state = draft
rights-review-status = ترجمة أولية، يجب أن يراجعها وسيط ثقافي.
rights-mediators = هل تعمل في الوساطة الثقافية؟ إذا وجدت أخطاء في هذه الصفحة، أرسل التصحيحات إلى الأمانة الفنية الإقليمية للشبكة.

rights-title = اعرف حقوقك
rights-lead = إذا كنت تعمل في إيطاليا، فلك حقوق. حتى بدون أوراق. هذه الصفحة تشرح حقوقك وأين تجد المساعدة. وهي لا تحفظ أي شيء عنك.
rights-skip = انتقل إلى المحتوى
rights-network = شبكة ضد الاستغلال في العمل
rights-other-languages = لغات أخرى
rights-choose-language = اختر لغتك
rights-unknown-language = هذه اللغة غير متوفرة. اختر لغة من القائمة.
rights-nothing-stored = هذه الصفحة لا تحفظ أي شيء عنك: لا ملفات تعريف ارتباط، ولا تُسجَّل أي إجابة.
rights-login-link = هل تعمل في إيطاليا؟ اعرف حقوقك (بثماني لغات)

rights-hotline-title = الرقم الأخضر لمكافحة الاتجار بالبشر
rights-hotline-free = المكالمة مجانية.
rights-hotline-anonymous = لست مضطرًا إلى ذكر اسمك.
rights-hotline-always = يجيبون دائمًا: ليلًا ونهارًا، كل يوم.
rights-hotline-languages = يتكلمون لغات كثيرة.
rights-danger-title = هل أنت في خطر الآن؟
rights-danger = اتصل فورًا برقم الطوارئ:

rights-exploitation-title = ما هو الاستغلال في العمل؟
rights-exploitation-lead = يكون استغلالًا عندما، مثلًا:
rights-exploitation-pay = يدفعون لك أقل بكثير مما يقول العقد أو مما وعدوك به.
rights-exploitation-hours = تعمل ساعات كثيرة جدًا في اليوم.
rights-exploitation-rest = ليس لديك أيام راحة ولا استراحات.
rights-exploitation-danger = العمل خطير أو مُهين، وبدون حماية.
rights-exploitation-housing = يجعلونك تسكن في مكان قذر أو مزدحم أو خطير.
rights-exploitation-documents = شخص ما أخذ جواز سفرك أو أوراقك.
rights-exploitation-debt = عليك دَين للشخص الذي أحضرك إلى هنا أو وجد لك العمل، والدَّين لا ينتهي أبدًا.
rights-exploitation-threats = يهددونك أو يهددون عائلتك.
rights-exploitation-violence = يضربونك أو يؤذونك.
rights-exploitation-caporali = «كابورالي» (وسيط غير قانوني) يتحكم في عملك ويأخذ جزءًا من أجرك.
rights-exploitation-not-your-fault = هذا ليس ذنبك. استغلال العمال جريمة.

rights-yours-title = حقوقك
rights-yours-papers = لك حقوق حتى لو لم يكن لديك تصريح إقامة.
rights-yours-pay = العمل الذي قمت به يجب أن يُدفع أجره، حتى بدون عقد.
rights-yours-safety = من حقك أن تعمل في أمان وأن ترتاح.
rights-yours-health = يمكنك الحصول على العلاج الطبي العاجل حتى بدون أوراق.
rights-yours-documents = لا يحق لأحد أن يحتفظ بجواز سفرك أو أوراقك.
rights-yours-free = المساعدة مجانية وسرية.
rights-permit = إذا كنت ضحية استغلال أو اتجار بالبشر، فقد يحق لك الحصول على تصريح إقامة خاص.
rights-permit-ask = اسأل الرقم الأخضر أو أحد المكاتب: سيشرحون لك إن كانت هذه حالتك.

rights-help-title = ما هي المساعدة الموجودة
rights-help-shelter = مكان آمن للنوم، فورًا، إذا كنت بحاجة إليه.
rights-help-health = رعاية صحية ودعم نفسي.
rights-help-legal = مساعدة قانونية مجانية: لأوراقك، وللأجر الذي يدينون لك به، ولتقديم شكوى إذا أردت.
rights-help-work = مساعدة في إيجاد عمل قانوني، ودروس في اللغة الإيطالية وتدريب مهني.
rights-help-unions = النقابات: تدافع عن العمال، حتى بدون أوراق.
rights-help-inspectorate = مفتشية العمل: تراقب أصحاب العمل الذين لا يحترمون القواعد.

rights-check-title = افحص وضعك
rights-check-lead = أجب عن هذه الأسئلة. إجاباتك لا تُحفظ. النتيجة مجرد إشارة: ليست رأيًا قانونيًا.
rights-q-documents = هل أخذ أحدٌ جواز سفرك أو أوراقك؟
rights-q-pay = هل يدفعون لك أقل بكثير مما وعدوك به؟
rights-q-hours = هل تعمل ساعات كثيرة كل يوم، بدون أيام راحة؟
rights-q-debt = هل عليك دَين لصاحب العمل أو للشخص الذي وجد لك العمل؟
rights-q-threats = هل يهددك أحد أو يؤذيك؟
rights-q-leave = هل تستطيع ترك هذا العمل متى تريد؟
rights-yes = نعم
rights-no = لا
rights-check-submit = اعرض النتيجة

rights-result-title = نتيجتك
rights-result-signs-title = بعض إجاباتك علامات على الاستغلال في العمل.
rights-sign-documents = لا يحق لأحد أن يحتفظ بأوراقك. من حقك أن تستعيدها.
rights-sign-pay = يجب أن تحصل على أجر عادل مقابل عملك.
rights-sign-hours = العمل ساعات كثيرة بدون راحة يضرّك، وهو غير مسموح به.
rights-sign-debt = الدَّين لمن يعطيك العمل قد يكون وسيلة للسيطرة عليك.
rights-sign-threats = التهديد والعنف جرائم. يمكنك أن تطلب الحماية.
rights-sign-leave = يجب أن تكون حرًا في ترك عملك.
rights-result-help-free = لست وحدك. المساعدة مجانية وسرية، حتى بدون أوراق.
rights-result-no-signs = إجاباتك لا تُظهر علامة واضحة على الاستغلال. إذا كان هناك شيء يقلقك، اطلب النصيحة: إنها مجانية.
rights-result-indicative = هذا الفحص مجرد إشارة. وليس تقييمًا قانونيًا لوضعك.
rights-result-not-saved = لم تُحفظ إجاباتك.
rights-back = العودة إلى صفحة حقوقك

rights-desks-title = مكاتب المساعدة القريبة منك
rights-desks-lead = يمكنك زيارة هذه الخدمات التابعة للشبكة أو الاتصال بها. إنها مجانية.
rights-desks-region = منطقتك
rights-desks-all-regions = كل المناطق
rights-desks-show = اعرض
rights-desks-none = لا توجد مكاتب مذكورة هنا بعد. اتصل بالرقم الأخضر: سيقولون لك إلى أين تذهب.
rights-desks-in-italian = الأسماء والعناوين والمواعيد مكتوبة باللغة الإيطالية.
rights-desk-address = العنوان:
rights-desk-phone = الهاتف:
rights-desk-hours = مواعيد العمل:
rights-kind-desk = مكتب مساعدة
rights-kind-mobile_unit = وحدة متنقلة: تأتي إلى مكان عملك
rights-kind-union = نقابة
rights-kind-reception_centre = مركز استقبال
rights-kind-helpline = خط هاتفي للمساعدة
rights-kind-other = خدمة تابعة للشبكة
