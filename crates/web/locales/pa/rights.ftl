# «ਆਪਣੇ ਹੱਕ ਜਾਣੋ»: ਮਜ਼ਦੂਰਾਂ ਲਈ ਜਨਤਕ ਪੰਨਾ, /rights/pa (ਗੁਰਮੁਖੀ ਲਿਪੀ)।
# Review status: DRAFT translation, to be checked by an intercultural
# mediator. Corrections: edit this file, then set rights-review-state to
# reviewed and change rights-review-status (see README, "Translations").

rights-language-name = ਪੰਜਾਬੀ
# reviewed, or draft (to be checked by an intercultural mediator).
rights-review-state = draft
rights-review-status = ਇਹ ਕੱਚਾ ਅਨੁਵਾਦ ਹੈ। ਕਿਸੇ ਅੰਤਰ-ਸੱਭਿਆਚਾਰਕ ਵਿਚੋਲੇ ਨੇ ਇਸ ਦੀ ਜਾਂਚ ਕਰਨੀ ਹੈ।
rights-mediators = ਕੀ ਤੁਸੀਂ ਅੰਤਰ-ਸੱਭਿਆਚਾਰਕ ਵਿਚੋਲੇ ਵਜੋਂ ਕੰਮ ਕਰਦੇ ਹੋ? ਜੇ ਇਸ ਪੰਨੇ ਵਿੱਚ ਗਲਤੀਆਂ ਮਿਲਣ, ਤਾਂ ਆਪਣੀਆਂ ਸੋਧਾਂ ਨੈੱਟਵਰਕ ਦੇ ਖੇਤਰੀ ਤਕਨੀਕੀ ਸਕੱਤਰੇਤ ਨੂੰ ਭੇਜੋ।

rights-title = ਆਪਣੇ ਹੱਕ ਜਾਣੋ
rights-lead = ਜੇ ਤੁਸੀਂ ਇਟਲੀ ਵਿੱਚ ਕੰਮ ਕਰਦੇ ਹੋ, ਤਾਂ ਤੁਹਾਡੇ ਹੱਕ ਹਨ। ਕਾਗਜ਼ਾਂ ਤੋਂ ਬਿਨਾਂ ਵੀ। ਇਹ ਪੰਨਾ ਤੁਹਾਡੇ ਹੱਕ ਅਤੇ ਮਦਦ ਦੀਆਂ ਥਾਵਾਂ ਦੱਸਦਾ ਹੈ। ਇਹ ਤੁਹਾਡੇ ਬਾਰੇ ਕੁਝ ਵੀ ਸਾਂਭ ਕੇ ਨਹੀਂ ਰੱਖਦਾ।
rights-skip = ਮੁੱਖ ਸਮੱਗਰੀ ਤੇ ਜਾਓ
rights-network = ਕੰਮ ਵਿੱਚ ਸ਼ੋਸ਼ਣ ਦੇ ਖ਼ਿਲਾਫ਼ ਨੈੱਟਵਰਕ
rights-other-languages = ਹੋਰ ਭਾਸ਼ਾਵਾਂ
rights-choose-language = ਆਪਣੀ ਭਾਸ਼ਾ ਚੁਣੋ
rights-unknown-language = ਇਹ ਭਾਸ਼ਾ ਉਪਲਬਧ ਨਹੀਂ ਹੈ। ਹੇਠਾਂ ਕੋਈ ਭਾਸ਼ਾ ਚੁਣੋ।
rights-nothing-stored = ਇਹ ਪੰਨਾ ਤੁਹਾਡੇ ਬਾਰੇ ਕੁਝ ਵੀ ਸਾਂਭ ਕੇ ਨਹੀਂ ਰੱਖਦਾ: ਨਾ ਕੋਈ ਕੂਕੀ, ਨਾ ਕੋਈ ਜਵਾਬ।
rights-login-link = ਕੀ ਤੁਸੀਂ ਇਟਲੀ ਵਿੱਚ ਕੰਮ ਕਰਦੇ ਹੋ? ਆਪਣੇ ਹੱਕ ਜਾਣੋ (ਅੱਠ ਭਾਸ਼ਾਵਾਂ ਵਿੱਚ)

rights-hotline-title = ਮਨੁੱਖੀ ਤਸਕਰੀ ਵਿਰੁੱਧ ਮੁਫ਼ਤ ਨੰਬਰ
rights-hotline-free = ਕਾਲ ਮੁਫ਼ਤ ਹੈ।
rights-hotline-anonymous = ਤੁਹਾਨੂੰ ਆਪਣਾ ਨਾਮ ਦੱਸਣ ਦੀ ਲੋੜ ਨਹੀਂ।
rights-hotline-always = ਉਹ ਹਮੇਸ਼ਾ ਜਵਾਬ ਦਿੰਦੇ ਹਨ: ਦਿਨ ਰਾਤ, ਹਰ ਰੋਜ਼।
rights-hotline-languages = ਉਹ ਕਈ ਭਾਸ਼ਾਵਾਂ ਬੋਲਦੇ ਹਨ।
rights-danger-title = ਕੀ ਤੁਸੀਂ ਹੁਣੇ ਖ਼ਤਰੇ ਵਿੱਚ ਹੋ?
rights-danger = ਤੁਰੰਤ ਐਮਰਜੈਂਸੀ ਨੰਬਰ ਤੇ ਕਾਲ ਕਰੋ:

rights-exploitation-title = ਕੰਮ ਵਿੱਚ ਸ਼ੋਸ਼ਣ ਕੀ ਹੈ?
rights-exploitation-lead = ਇਹ ਸ਼ੋਸ਼ਣ ਹੈ ਜਦੋਂ, ਉਦਾਹਰਨ ਲਈ:
rights-exploitation-pay = ਤੁਹਾਨੂੰ ਇਕਰਾਰਨਾਮੇ ਜਾਂ ਵਾਅਦੇ ਨਾਲੋਂ ਬਹੁਤ ਘੱਟ ਤਨਖ਼ਾਹ ਮਿਲਦੀ ਹੈ।
rights-exploitation-hours = ਤੁਸੀਂ ਦਿਨ ਵਿੱਚ ਬਹੁਤ ਜ਼ਿਆਦਾ ਘੰਟੇ ਕੰਮ ਕਰਦੇ ਹੋ।
rights-exploitation-rest = ਤੁਹਾਨੂੰ ਨਾ ਛੁੱਟੀ ਦਾ ਦਿਨ ਮਿਲਦਾ ਹੈ, ਨਾ ਆਰਾਮ।
rights-exploitation-danger = ਕੰਮ ਖ਼ਤਰਨਾਕ ਜਾਂ ਬੇਇੱਜ਼ਤੀ ਵਾਲਾ ਹੈ, ਬਿਨਾਂ ਸੁਰੱਖਿਆ ਦੇ।
rights-exploitation-housing = ਤੁਹਾਨੂੰ ਗੰਦੀ, ਭੀੜ ਵਾਲੀ ਜਾਂ ਖ਼ਤਰਨਾਕ ਥਾਂ ਤੇ ਰਹਿਣਾ ਪੈਂਦਾ ਹੈ।
rights-exploitation-documents = ਕਿਸੇ ਨੇ ਤੁਹਾਡਾ ਪਾਸਪੋਰਟ ਜਾਂ ਕਾਗਜ਼ ਲੈ ਲਏ ਹਨ।
rights-exploitation-debt = ਤੁਸੀਂ ਉਸ ਵਿਅਕਤੀ ਦੇ ਕਰਜ਼ਦਾਰ ਹੋ ਜੋ ਤੁਹਾਨੂੰ ਇੱਥੇ ਲਿਆਇਆ ਜਾਂ ਜਿਸ ਨੇ ਕੰਮ ਲੱਭ ਕੇ ਦਿੱਤਾ, ਅਤੇ ਕਰਜ਼ਾ ਕਦੇ ਖ਼ਤਮ ਨਹੀਂ ਹੁੰਦਾ।
rights-exploitation-threats = ਕੋਈ ਤੁਹਾਨੂੰ ਜਾਂ ਤੁਹਾਡੇ ਪਰਿਵਾਰ ਨੂੰ ਧਮਕੀ ਦਿੰਦਾ ਹੈ।
rights-exploitation-violence = ਕੋਈ ਤੁਹਾਨੂੰ ਮਾਰਦਾ-ਕੁੱਟਦਾ ਹੈ ਜਾਂ ਤਕਲੀਫ਼ ਦਿੰਦਾ ਹੈ।
rights-exploitation-caporali = ਇੱਕ «ਕਾਪੋਰਾਲੇ» (ਗ਼ੈਰ-ਕਾਨੂੰਨੀ ਠੇਕੇਦਾਰ) ਤੁਹਾਡਾ ਕੰਮ ਚਲਾਉਂਦਾ ਹੈ ਅਤੇ ਤੁਹਾਡੀ ਤਨਖ਼ਾਹ ਦਾ ਹਿੱਸਾ ਲੈ ਲੈਂਦਾ ਹੈ।
rights-exploitation-not-your-fault = ਇਹ ਤੁਹਾਡਾ ਕਸੂਰ ਨਹੀਂ ਹੈ। ਮਜ਼ਦੂਰਾਂ ਦਾ ਸ਼ੋਸ਼ਣ ਅਪਰਾਧ ਹੈ।

rights-yours-title = ਤੁਹਾਡੇ ਹੱਕ
rights-yours-papers = ਰਿਹਾਇਸ਼ੀ ਪਰਮਿਟ ਨਾ ਹੋਵੇ ਤਾਂ ਵੀ ਤੁਹਾਡੇ ਹੱਕ ਹਨ।
rights-yours-pay = ਤੁਸੀਂ ਜੋ ਕੰਮ ਕੀਤਾ ਹੈ, ਉਸ ਦੀ ਤਨਖ਼ਾਹ ਮਿਲਣੀ ਚਾਹੀਦੀ ਹੈ, ਇਕਰਾਰਨਾਮੇ ਤੋਂ ਬਿਨਾਂ ਵੀ।
rights-yours-safety = ਤੁਹਾਨੂੰ ਸੁਰੱਖਿਅਤ ਕੰਮ ਅਤੇ ਆਰਾਮ ਦਾ ਹੱਕ ਹੈ।
rights-yours-health = ਕਾਗਜ਼ਾਂ ਤੋਂ ਬਿਨਾਂ ਵੀ ਤੁਹਾਨੂੰ ਜ਼ਰੂਰੀ ਡਾਕਟਰੀ ਇਲਾਜ ਮਿਲ ਸਕਦਾ ਹੈ।
rights-yours-documents = ਕੋਈ ਵੀ ਤੁਹਾਡਾ ਪਾਸਪੋਰਟ ਜਾਂ ਕਾਗਜ਼ ਆਪਣੇ ਕੋਲ ਨਹੀਂ ਰੱਖ ਸਕਦਾ।
rights-yours-free = ਮਦਦ ਮੁਫ਼ਤ ਅਤੇ ਗੁਪਤ ਹੈ।
rights-permit = ਜੇ ਤੁਸੀਂ ਸ਼ੋਸ਼ਣ ਜਾਂ ਮਨੁੱਖੀ ਤਸਕਰੀ ਦੇ ਸ਼ਿਕਾਰ ਹੋ, ਤਾਂ ਹੋ ਸਕਦਾ ਹੈ ਤੁਸੀਂ ਖ਼ਾਸ ਰਿਹਾਇਸ਼ੀ ਪਰਮਿਟ ਦੇ ਹੱਕਦਾਰ ਹੋਵੋ।
rights-permit-ask = ਮੁਫ਼ਤ ਨੰਬਰ ਜਾਂ ਕਿਸੇ ਦਫ਼ਤਰ ਤੋਂ ਪੁੱਛੋ: ਉਹ ਦੱਸਣਗੇ ਕਿ ਕੀ ਇਹ ਤੁਹਾਡਾ ਮਾਮਲਾ ਹੈ।

rights-help-title = ਕਿਹੜੀ ਮਦਦ ਮਿਲਦੀ ਹੈ
rights-help-shelter = ਲੋੜ ਹੋਵੇ ਤਾਂ ਤੁਰੰਤ ਸੌਣ ਲਈ ਸੁਰੱਖਿਅਤ ਥਾਂ।
rights-help-health = ਡਾਕਟਰੀ ਇਲਾਜ ਅਤੇ ਮਾਨਸਿਕ ਸਹਾਇਤਾ।
rights-help-legal = ਮੁਫ਼ਤ ਕਾਨੂੰਨੀ ਮਦਦ: ਕਾਗਜ਼ਾਂ ਲਈ, ਬਕਾਇਆ ਤਨਖ਼ਾਹ ਲਈ, ਅਤੇ ਜੇ ਤੁਸੀਂ ਚਾਹੋ ਤਾਂ ਸ਼ਿਕਾਇਤ ਕਰਨ ਲਈ।
rights-help-work = ਕਾਨੂੰਨੀ ਕੰਮ ਲੱਭਣ ਵਿੱਚ ਮਦਦ, ਅਤੇ ਇਤਾਲਵੀ ਭਾਸ਼ਾ ਅਤੇ ਕੰਮ ਦੀ ਸਿਖਲਾਈ ਦੇ ਕੋਰਸ।
rights-help-unions = ਮਜ਼ਦੂਰ ਯੂਨੀਅਨਾਂ: ਕਾਗਜ਼ਾਂ ਤੋਂ ਬਿਨਾਂ ਵੀ ਮਜ਼ਦੂਰਾਂ ਦੀ ਰੱਖਿਆ ਕਰਦੀਆਂ ਹਨ।
rights-help-inspectorate = ਲੇਬਰ ਇੰਸਪੈਕਟੋਰੇਟ (ਕਿਰਤ ਨਿਰੀਖਣ ਦਫ਼ਤਰ): ਨਿਯਮ ਤੋੜਨ ਵਾਲੇ ਮਾਲਕਾਂ ਦੀ ਜਾਂਚ ਕਰਦਾ ਹੈ।

rights-check-title = ਆਪਣੀ ਹਾਲਤ ਜਾਂਚੋ
rights-check-lead = ਇਹਨਾਂ ਸਵਾਲਾਂ ਦੇ ਜਵਾਬ ਦਿਓ। ਤੁਹਾਡੇ ਜਵਾਬ ਸਾਂਭੇ ਨਹੀਂ ਜਾਂਦੇ। ਨਤੀਜਾ ਸਿਰਫ਼ ਇੱਕ ਇਸ਼ਾਰਾ ਹੈ: ਇਹ ਕਾਨੂੰਨੀ ਰਾਏ ਨਹੀਂ ਹੈ।
rights-q-documents = ਕੀ ਕਿਸੇ ਨੇ ਤੁਹਾਡਾ ਪਾਸਪੋਰਟ ਜਾਂ ਕਾਗਜ਼ ਲੈ ਲਏ ਹਨ?
rights-q-pay = ਕੀ ਤੁਹਾਨੂੰ ਵਾਅਦੇ ਨਾਲੋਂ ਬਹੁਤ ਘੱਟ ਤਨਖ਼ਾਹ ਮਿਲਦੀ ਹੈ?
rights-q-hours = ਕੀ ਤੁਸੀਂ ਹਰ ਰੋਜ਼ ਬਹੁਤ ਘੰਟੇ ਕੰਮ ਕਰਦੇ ਹੋ, ਬਿਨਾਂ ਛੁੱਟੀ ਦੇ?
rights-q-debt = ਕੀ ਤੁਸੀਂ ਆਪਣੇ ਮਾਲਕ ਜਾਂ ਕੰਮ ਲੱਭ ਕੇ ਦੇਣ ਵਾਲੇ ਵਿਅਕਤੀ ਦੇ ਕਰਜ਼ਦਾਰ ਹੋ?
rights-q-threats = ਕੀ ਕੋਈ ਤੁਹਾਨੂੰ ਧਮਕੀ ਦਿੰਦਾ ਹੈ ਜਾਂ ਤਕਲੀਫ਼ ਦਿੰਦਾ ਹੈ?
rights-q-leave = ਕੀ ਤੁਸੀਂ ਜਦੋਂ ਚਾਹੋ ਇਹ ਕੰਮ ਛੱਡ ਸਕਦੇ ਹੋ?
rights-yes = ਹਾਂ
rights-no = ਨਹੀਂ
rights-check-submit = ਨਤੀਜਾ ਵੇਖੋ

rights-result-title = ਤੁਹਾਡਾ ਨਤੀਜਾ
rights-result-signs-title = ਤੁਹਾਡੇ ਕੁਝ ਜਵਾਬ ਕੰਮ ਵਿੱਚ ਸ਼ੋਸ਼ਣ ਦੀਆਂ ਨਿਸ਼ਾਨੀਆਂ ਹਨ।
rights-sign-documents = ਕੋਈ ਵੀ ਤੁਹਾਡੇ ਕਾਗਜ਼ ਨਹੀਂ ਰੱਖ ਸਕਦਾ। ਤੁਹਾਨੂੰ ਉਹ ਵਾਪਸ ਲੈਣ ਦਾ ਹੱਕ ਹੈ।
rights-sign-pay = ਤੁਹਾਨੂੰ ਆਪਣੇ ਕੰਮ ਦੀ ਸਹੀ ਤਨਖ਼ਾਹ ਮਿਲਣੀ ਚਾਹੀਦੀ ਹੈ।
rights-sign-hours = ਬਿਨਾਂ ਆਰਾਮ ਦੇ ਬਹੁਤ ਘੰਟੇ ਨੁਕਸਾਨਦੇਹ ਹਨ ਅਤੇ ਇਹਨਾਂ ਦੀ ਇਜਾਜ਼ਤ ਨਹੀਂ।
rights-sign-debt = ਕੰਮ ਦੇਣ ਵਾਲਿਆਂ ਦਾ ਕਰਜ਼ਾ ਤੁਹਾਨੂੰ ਕਾਬੂ ਕਰਨ ਦਾ ਤਰੀਕਾ ਹੋ ਸਕਦਾ ਹੈ।
rights-sign-threats = ਧਮਕੀਆਂ ਅਤੇ ਹਿੰਸਾ ਅਪਰਾਧ ਹਨ। ਤੁਸੀਂ ਸੁਰੱਖਿਆ ਮੰਗ ਸਕਦੇ ਹੋ।
rights-sign-leave = ਤੁਹਾਨੂੰ ਆਪਣਾ ਕੰਮ ਛੱਡਣ ਦੀ ਆਜ਼ਾਦੀ ਹੋਣੀ ਚਾਹੀਦੀ ਹੈ।
rights-result-help-free = ਤੁਸੀਂ ਇਕੱਲੇ ਨਹੀਂ ਹੋ। ਮਦਦ ਮੁਫ਼ਤ ਅਤੇ ਗੁਪਤ ਹੈ, ਕਾਗਜ਼ਾਂ ਤੋਂ ਬਿਨਾਂ ਵੀ।
rights-result-no-signs = ਤੁਹਾਡੇ ਜਵਾਬਾਂ ਵਿੱਚ ਸ਼ੋਸ਼ਣ ਦੀ ਕੋਈ ਸਾਫ਼ ਨਿਸ਼ਾਨੀ ਨਹੀਂ ਦਿਸਦੀ। ਜੇ ਕੋਈ ਗੱਲ ਤੁਹਾਨੂੰ ਪਰੇਸ਼ਾਨ ਕਰਦੀ ਹੈ, ਤਾਂ ਸਲਾਹ ਲਓ: ਇਹ ਮੁਫ਼ਤ ਹੈ।
rights-result-indicative = ਇਹ ਜਾਂਚ ਸਿਰਫ਼ ਇੱਕ ਇਸ਼ਾਰਾ ਹੈ। ਇਹ ਤੁਹਾਡੀ ਹਾਲਤ ਦਾ ਕਾਨੂੰਨੀ ਮੁਲਾਂਕਣ ਨਹੀਂ ਹੈ।
rights-result-not-saved = ਤੁਹਾਡੇ ਜਵਾਬ ਸਾਂਭੇ ਨਹੀਂ ਗਏ।
rights-back = ਆਪਣੇ ਹੱਕਾਂ ਵਾਲੇ ਪੰਨੇ ਤੇ ਵਾਪਸ ਜਾਓ

rights-desks-title = ਤੁਹਾਡੇ ਨੇੜੇ ਮਦਦ ਦੇ ਦਫ਼ਤਰ
rights-desks-lead = ਤੁਸੀਂ ਨੈੱਟਵਰਕ ਦੀਆਂ ਇਹਨਾਂ ਸੇਵਾਵਾਂ ਤੇ ਜਾ ਸਕਦੇ ਹੋ ਜਾਂ ਫ਼ੋਨ ਕਰ ਸਕਦੇ ਹੋ। ਇਹ ਮੁਫ਼ਤ ਹਨ।
rights-desks-region = ਤੁਹਾਡਾ ਖੇਤਰ
rights-desks-all-regions = ਸਾਰੇ ਖੇਤਰ
rights-desks-show = ਵੇਖੋ
rights-desks-none = ਹਾਲੇ ਇੱਥੇ ਕੋਈ ਦਫ਼ਤਰ ਦਰਜ ਨਹੀਂ। ਮੁਫ਼ਤ ਨੰਬਰ ਤੇ ਕਾਲ ਕਰੋ: ਉਹ ਦੱਸਣਗੇ ਕਿ ਕਿੱਥੇ ਜਾਣਾ ਹੈ।
rights-desks-in-italian = ਨਾਮ, ਪਤੇ ਅਤੇ ਸਮੇਂ ਇਤਾਲਵੀ ਭਾਸ਼ਾ ਵਿੱਚ ਲਿਖੇ ਹਨ।
rights-desk-address = ਪਤਾ:
rights-desk-phone = ਫ਼ੋਨ:
rights-desk-hours = ਸਮਾਂ:
rights-kind-desk = ਮਦਦ ਦਫ਼ਤਰ
rights-kind-mobile_unit = ਮੋਬਾਈਲ ਯੂਨਿਟ: ਤੁਹਾਡੇ ਕੰਮ ਦੀ ਥਾਂ ਤੇ ਆਉਂਦਾ ਹੈ
rights-kind-union = ਮਜ਼ਦੂਰ ਯੂਨੀਅਨ
rights-kind-reception_centre = ਰਿਹਾਇਸ਼ ਕੇਂਦਰ
rights-kind-helpline = ਮਦਦ ਲਈ ਫ਼ੋਨ ਲਾਈਨ
rights-kind-other = ਨੈੱਟਵਰਕ ਦੀ ਸੇਵਾ
