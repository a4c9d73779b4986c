"""The demo pages' words in Polish, Bengali and Urdu, written as a native
speaker would put them rather than word for word. Each entry is the English
source string (as wagtail-localize extracts it) with its translations; the
network pages are translated into Polish and Urdu only.

When the English demo content changes, `tests/i18n/test_demo.py` names the
strings that still need a translation here.
"""

# (English, Polish, Bengali, Urdu)
ENTRIES = [
    # The home page
    (
        "Commons: the borough's networks, together",
        "Commons: sieci naszej dzielnicy w jednym miejscu",
        "Commons: বরোর নেটওয়ার্কগুলো, একসাথে",
        "Commons: بورو کے نیٹ ورک، ایک ساتھ",
    ),
    (
        "Commons is where the borough's networks publish together: food partnerships, "
        "practitioners, health and wellbeing groups, young people and the neighbourhoods "
        "they live in. Read what they are doing, join in the conversation, answer "
        "consultations and come along to events.",
        "Commons to miejsce, w którym sieci z naszej dzielnicy publikują razem: partnerstwa "
        "żywnościowe, praktycy, grupy działające na rzecz zdrowia i dobrego samopoczucia, "
        "młodzież i sąsiedztwa, w których mieszkają. Zobacz, czym się zajmują, dołącz do "
        "rozmowy, weź udział w konsultacjach i przyjdź na wydarzenia.",
        "Commons হলো সেই জায়গা যেখানে বরোর নেটওয়ার্কগুলো একসাথে লেখে ও প্রকাশ করে: খাদ্য "
        "অংশীদারিত্ব, পেশাজীবী, স্বাস্থ্য ও সুস্থতা বিষয়ক দল, তরুণেরা আর তাদের পাড়া-মহল্লা। "
        "তারা কী করছে পড়ুন, আলোচনায় যোগ দিন, মতামত যাচাইয়ে আপনার মত দিন এবং অনুষ্ঠানে আসুন।",
        "Commons وہ جگہ ہے جہاں بورو کے نیٹ ورک مل کر لکھتے اور شائع کرتے ہیں: فوڈ پارٹنرشپس، "
        "پیشہ ور افراد، صحت اور بہبود کے گروپ، نوجوان اور وہ محلے جن میں وہ رہتے ہیں۔ پڑھیے کہ "
        "وہ کیا کر رہے ہیں، گفتگو میں شامل ہوں، مشاورت میں اپنی رائے دیں اور تقریبات "
        "میں تشریف لائیں۔",
    ),
    # Top-level sections
    ("Networks", "Sieci", "নেটওয়ার্ক", "نیٹ ورکس"),
    (
        "Networks big and small, thematic or geographic, short or longer term.",
        "Sieci duże i małe, tematyczne i sąsiedzkie, działające krótko albo latami.",
        "ছোট-বড় নানা নেটওয়ার্ক: বিষয়ভিত্তিক বা এলাকাভিত্তিক, স্বল্পমেয়াদি বা দীর্ঘমেয়াদি।",
        "چھوٹے بڑے نیٹ ورک: موضوعاتی یا علاقائی، مختصر یا طویل مدت کے لیے۔",
    ),
    ("Blog", "Blog", "ব্লগ", "بلاگ"),
    (
        "Posts from every network: what they are doing, learning and deciding.",
        "Wpisy wszystkich sieci: co robią, czego się uczą i o czym decydują.",
        "সব নেটওয়ার্কের লেখা: তারা কী করছে, কী শিখছে আর কী সিদ্ধান্ত নিচ্ছে।",
        "ہر نیٹ ورک کی تحریریں: وہ کیا کر رہے ہیں، کیا سیکھ رہے ہیں اور کیا فیصلے کر رہے ہیں۔",
    ),
    ("Consultations", "Konsultacje", "মতামত যাচাই", "مشاورت"),
    (
        "Have your say on what the networks and the council plan next.",
        "Powiedz, co myślisz o tym, co sieci i samorząd planują dalej.",
        "নেটওয়ার্কগুলো আর কাউন্সিল এরপর কী করতে চায়, সে বিষয়ে আপনার মত জানান।",
        "نیٹ ورک اور کونسل آگے کیا کرنا چاہتے ہیں، اس پر اپنی رائے دیں۔",
    ),
    (
        "Consultations from every network will be listed here.",
        "Tutaj znajdziesz konsultacje wszystkich sieci.",
        "সব নেটওয়ার্কের মতামত যাচাই এখানে পাবেন।",
        "ہر نیٹ ورک کی مشاورتیں یہاں درج ہوں گی۔",
    ),
    ("Events", "Wydarzenia", "অনুষ্ঠান", "تقریبات"),
    (
        "Meetings, workshops and gatherings across the borough.",
        "Zebrania, warsztaty i spotkania w całej dzielnicy.",
        "বরো জুড়ে সভা, কর্মশালা আর আড্ডা।",
        "پورے بورو میں اجلاس، ورکشاپس اور میل ملاپ کی محفلیں۔",
    ),
    (
        "Events from every network will be listed here.",
        "Tutaj znajdziesz wydarzenia wszystkich sieci.",
        "সব নেটওয়ার্কের অনুষ্ঠান এখানে পাবেন।",
        "ہر نیٹ ورک کی تقریبات یہاں درج ہوں گی۔",
    ),
    # About
    ("About Commons", "O Commons", "Commons সম্পর্কে", "Commons کے بارے میں"),
    (
        "Who runs this site, and why.",
        "Kto prowadzi ten serwis i po co.",
        "এই সাইটটি কারা চালায়, আর কেন।",
        "یہ سائٹ کون چلاتا ہے، اور کیوں۔",
    ),
    (
        "Commons is a network of networks. Borough-wide collectives, practitioner "
        "networks and local groups each run their own section of one site.",
        "Commons to sieć sieci. Kolektywy działające w całej dzielnicy, sieci praktyków "
        "i lokalne grupy prowadzą tu każda własną część wspólnego serwisu.",
        "Commons হলো অনেক নেটওয়ার্কের একটি নেটওয়ার্ক। বরোজুড়ে কাজ করা সংগঠন, পেশাজীবীদের "
        "নেটওয়ার্ক আর স্থানীয় দলগুলো একই সাইটে যার যার নিজের অংশ চালায়।",
        "Commons نیٹ ورکس کا نیٹ ورک ہے۔ پورے بورو میں کام کرنے والی تنظیمیں، پیشہ ور افراد "
        "کے نیٹ ورک اور مقامی گروپ ایک ہی سائٹ پر اپنا اپنا حصہ چلاتے ہیں۔",
    ),
    (
        "We share values: we connect people, we build trust, we share accountability and "
        "we shift power to the people most affected by decisions. Coproduction takes the "
        "time it takes.",
        "Łączą nas wspólne wartości: zbliżamy ludzi do siebie, budujemy zaufanie, razem "
        "odpowiadamy za to, co robimy, i oddajemy głos tym, których decyzje dotyczą "
        "najbardziej. Współtworzenie trwa tyle, ile musi.",
        "আমাদের মূল্যবোধ এক: আমরা মানুষকে কাছাকাছি আনি, আস্থা গড়ে তুলি, দায় ভাগ করে নিই, "
        "আর সিদ্ধান্তে যাঁরা সবচেয়ে বেশি প্রভাবিত হন তাঁদের হাতে ক্ষমতা তুলে দিই। একসাথে গড়তে "
        "যত সময় লাগে, আমরা ততটাই সময় দিই।",
        "ہماری اقدار مشترک ہیں: ہم لوگوں کو جوڑتے ہیں، اعتماد قائم کرتے ہیں، جواب دہی میں "
        "شریک ہوتے ہیں اور فیصلوں سے سب سے زیادہ متاثر ہونے والوں کو اختیار دیتے ہیں۔ مل جل "
        "کر کام کرنے میں جتنا وقت لگے، ہم اتنا وقت دیتے ہیں۔",
    ),
    # House rules
    ("House rules", "Zasady dyskusji", "আলোচনার নিয়ম", "گفتگو کے اصول"),
    (
        "Comments are held for moderation. These are the rules moderators apply.",
        "Komentarze czekają na moderację. Oto zasady, którymi kierują się moderatorzy.",
        "মন্তব্য প্রকাশের আগে যাচাই করা হয়। মডারেটররা এই নিয়মগুলো মেনে চলেন।",
        "تبصرے شائع ہونے سے پہلے جانچے جاتے ہیں۔ ماڈریٹر انہی اصولوں پر چلتے ہیں۔",
    ),
    (
        "Comments are held for moderation. A volunteer or member of staff from the "
        "network reads every comment before it appears, usually within two working days.",
        "Komentarze czekają na moderację. Wolontariusz albo pracownik sieci czyta każdy "
        "komentarz, zanim się pojawi – zwykle w ciągu dwóch dni roboczych.",
        "মন্তব্য প্রকাশের আগে যাচাই করা হয়। নেটওয়ার্কের একজন স্বেচ্ছাসেবী বা কর্মী প্রতিটি "
        "মন্তব্য প্রকাশের আগে পড়েন, সাধারণত দুই কার্যদিবসের মধ্যে।",
        "تبصرے شائع ہونے سے پہلے جانچے جاتے ہیں۔ نیٹ ورک کا کوئی رضاکار یا عملے کا رکن ہر "
        "تبصرہ شائع ہونے سے پہلے پڑھتا ہے، عموماً دو کاروباری دنوں کے اندر۔",
    ),
    (
        "Be kind and assume good faith. Disagree with ideas, not with people.",
        "Pisz życzliwie i zakładaj dobre intencje innych. Spieraj się z poglądami, nie z ludźmi.",
        "সদয় থাকুন, অন্যের সদিচ্ছায় আস্থা রাখুন। দ্বিমত করুন ভাবনার সঙ্গে, মানুষের সঙ্গে নয়।",
        "نرمی سے پیش آئیں اور دوسروں کی نیت پر بھروسا رکھیں۔ اختلاف خیالات سے کریں، لوگوں سے نہیں۔",
    ),
    (
        "No personal attacks, hate, harassment or discrimination of any kind.",
        "Żadnych osobistych ataków, nienawiści, nękania ani dyskryminacji – w żadnej postaci.",
        "কোনো রকম ব্যক্তিগত আক্রমণ, ঘৃণা, হয়রানি বা বৈষম্য চলবে না।",
        "کسی بھی قسم کے ذاتی حملے، نفرت، ہراسانی یا امتیازی سلوک کی اجازت نہیں۔",
    ),
    (
        "Keep other people's personal details private, and your own too: your email "
        "address is never published.",
        "Nie ujawniaj danych osobowych innych ani swoich. Twój adres e-mail nigdy nie jest "
        "publikowany.",
        "অন্যের ব্যক্তিগত তথ্য গোপন রাখুন, নিজেরটাও: আপনার ইমেইল ঠিকানা কখনো প্রকাশ করা হয় না।",
        "دوسروں کی ذاتی معلومات نجی رکھیں، اور اپنی بھی: آپ کا ای میل پتہ کبھی شائع نہیں کیا جاتا۔",
    ),
    (
        "Stay on the topic of the page. Advertising and spam are removed.",
        "Trzymaj się tematu strony. Reklamy i spam usuwamy.",
        "পাতার বিষয়ের মধ্যে থাকুন। বিজ্ঞাপন আর স্প্যাম সরিয়ে ফেলা হয়।",
        "صفحے کے موضوع پر رہیں۔ اشتہارات اور اسپام ہٹا دیے جاتے ہیں۔",
    ),
    (
        "If you see something that breaks these rules, use “Report” under the comment.",
        "Jeśli widzisz coś, co łamie te zasady, kliknij „Zgłoś” pod komentarzem.",
        "এই নিয়ম ভাঙে এমন কিছু চোখে পড়লে মন্তব্যের নিচে “রিপোর্ট করুন” বোতাম ব্যবহার করুন।",
        "اگر کوئی چیز ان اصولوں کے خلاف نظر آئے تو تبصرے کے نیچے “رپورٹ کریں” استعمال کریں۔",
    ),
    # Privacy
    ("Privacy", "Prywatność", "গোপনীয়তা", "رازداری"),
    (
        "What we keep about you, and why.",
        "Jakie dane o Tobie przechowujemy i dlaczego.",
        "আপনার সম্পর্কে আমরা কী রাখি, আর কেন।",
        "ہم آپ کے بارے میں کیا محفوظ رکھتے ہیں، اور کیوں۔",
    ),
    (
        "When you comment, answer a consultation or register for an event we keep your "
        "name, your email address and what you wrote. Your email address is never shown "
        "on the site.",
        "Gdy komentujesz, odpowiadasz na konsultację albo zapisujesz się na wydarzenie, "
        "przechowujemy Twoje imię, adres e-mail i treść Twojej wypowiedzi. Twojego adresu "
        "e-mail nigdy nie pokazujemy w serwisie.",
        "আপনি মন্তব্য করলে, মতামত যাচাইয়ে উত্তর দিলে বা কোনো অনুষ্ঠানে নাম লেখালে আমরা "
        "আপনার নাম, ইমেইল ঠিকানা আর আপনি যা লিখেছেন তা রেখে দিই। আপনার ইমেইল ঠিকানা সাইটে "
        "কখনো দেখানো হয় না।",
        "جب آپ تبصرہ کرتے ہیں، کسی مشاورت کا جواب دیتے ہیں یا کسی تقریب کے لیے اندراج کرواتے "
        "ہیں تو ہم آپ کا نام، ای میل پتہ اور آپ کی تحریر محفوظ رکھتے ہیں۔ آپ کا ای میل پتہ "
        "سائٹ پر کبھی نہیں دکھایا جاتا۔",
    ),
    (
        "We use your email address only to tell you about what you asked for: that your "
        "comment is published or answered, or details of an event.",
        "Z Twojego adresu e-mail korzystamy tylko po to, by dać Ci znać o tym, o co prosisz: "
        "że Twój komentarz opublikowano albo ktoś na niego odpowiedział, lub by przesłać "
        "szczegóły wydarzenia.",
        "আপনি যা জানতে চেয়েছেন শুধু সেটুকু জানাতেই আমরা আপনার ইমেইল ঠিকানা ব্যবহার করি: "
        "আপনার মন্তব্য প্রকাশিত হয়েছে বা কেউ উত্তর দিয়েছে, অথবা কোনো অনুষ্ঠানের খুঁটিনাটি।",
        "ہم آپ کا ای میل پتہ صرف وہی بتانے کے لیے استعمال کرتے ہیں جو آپ نے خود مانگا ہو: کہ "
        "آپ کا تبصرہ شائع ہو گیا یا اس کا جواب آیا، یا کسی تقریب کی تفصیلات۔",
    ),
    (
        "You can ask us to send you, or to erase, everything submitted with your email "
        "address. Write to the contact address at the foot of every page.",
        "Możesz poprosić nas o przesłanie albo usunięcie wszystkiego, co wysłano z Twoim "
        "adresem e-mail. Napisz na adres kontaktowy podany na dole każdej strony.",
        "আপনার ইমেইল ঠিকানা দিয়ে জমা দেওয়া সবকিছু আপনাকে পাঠাতে বা মুছে ফেলতে আমাদের বলতে "
        "পারেন। প্রতিটি পাতার নিচে দেওয়া যোগাযোগের ঠিকানায় লিখুন।",
        "آپ ہم سے کہہ سکتے ہیں کہ آپ کے ای میل پتے کے ساتھ جمع کرائی گئی ہر چیز آپ کو بھیج دی "
        "جائے یا مٹا دی جائے۔ ہر صفحے کے نیچے دیے گئے رابطے کے پتے پر لکھیں۔",
    ),
    # The Borough Food Partnership, and what it publishes (Polish and Urdu)
    (
        "Borough Food Partnership",
        "Dzielnicowe Partnerstwo Żywnościowe",
        None,
        "بورو فوڈ پارٹنرشپ",
    ),
    (
        "Growers, food banks, cafés and kitchens working for good food for everyone.",
        "Ogrodnicy, banki żywności, kawiarnie i kuchnie społeczne – razem o dobre jedzenie "
        "dla wszystkich.",
        None,
        "کاشتکار، فوڈ بینک، کیفے اور کچن، سب کے لیے اچھے کھانے کی خاطر مل کر کام کرتے ہوئے۔",
    ),
    (
        "We connect the people who grow, cook, share and sell food across the borough.",
        "Łączymy ludzi, którzy w całej dzielnicy uprawiają, gotują, dzielą się jedzeniem "
        "i je sprzedają.",
        None,
        "ہم پورے بورو میں کھانا اگانے، پکانے، بانٹنے اور بیچنے والوں کو آپس میں جوڑتے ہیں۔",
    ),
    (
        "We are deciding together whether to become a co-operative, and we are asking "
        "members why that might be a bad idea before we ask why it might be a good one.",
        "Wspólnie decydujemy, czy zostać spółdzielnią. Zanim zapytamy członków, dlaczego to "
        "mógłby być dobry pomysł, pytamy, dlaczego mógłby być zły.",
        None,
        "ہم مل کر طے کر رہے ہیں کہ آیا ہمیں کوآپریٹو بن جانا چاہیے۔ اراکین سے یہ پوچھنے سے "
        "پہلے کہ یہ اچھا خیال کیوں ہو سکتا ہے، ہم پوچھ رہے ہیں کہ یہ برا خیال کیوں ہو سکتا ہے۔",
    ),
    (
        "Should we become a co-operative? Tell us why not",
        "Czy mamy zostać spółdzielnią? Powiedzcie nam, dlaczego nie",
        None,
        "کیا ہمیں کوآپریٹو بن جانا چاہیے؟ ہمیں بتائیں کیوں نہیں",
    ),
    (
        "Before we vote, we want to hear every reason this could go wrong.",
        "Zanim zagłosujemy, chcemy poznać każdy powód, dla którego to może się nie udać.",
        None,
        "ووٹ سے پہلے ہم ہر وہ وجہ سننا چاہتے ہیں جس سے یہ معاملہ بگڑ سکتا ہے۔",
    ),
    # The Food Partnership's values, behaviours, outcomes and meetings
    (
        "Good food for everyone",
        "Dobre jedzenie dla wszystkich",
        None,
        "سب کے لیے اچھا کھانا",
    ),
    (
        "Nobody in the borough goes hungry.",
        "Nikt w naszej dzielnicy nie chodzi głodny.",
        None,
        "بورو میں کوئی بھوکا نہ رہے۔",
    ),
    (
        "We share what we grow",
        "Dzielimy się tym, co wyhodujemy",
        None,
        "جو اگاتے ہیں، بانٹتے ہیں",
    ),
    (
        "Surplus goes to the food banks first.",
        "Nadwyżki trafiają najpierw do banków żywności.",
        None,
        "جو بچ جائے وہ سب سے پہلے فوڈ بینکوں کو جاتا ہے۔",
    ),
    (
        "Fewer people need food banks",
        "Mniej osób potrzebuje banków żywności",
        None,
        "کم لوگوں کو فوڈ بینک کی ضرورت پڑے",
    ),
    (
        "Measured every year with the council.",
        "Co roku mierzymy to razem z samorządem.",
        None,
        "ہر سال کونسل کے ساتھ مل کر اس کا حساب لگایا جاتا ہے۔",
    ),
    (
        "Second Thursday of the month, 6.30pm, at the Community Kitchen.",
        "W drugi czwartek miesiąca o 18:30 w Kuchni Społecznej.",
        None,
        "ہر مہینے کی دوسری جمعرات، شام ساڑھے چھ بجے، کمیونٹی کچن میں۔",
    ),
    # The Food Partnership's first post, now in full
    (
        "Before members vote in the spring, we want to hear every reason this could go "
        "wrong. Not the reasons it might work: we have heard plenty of those.",
        "Zanim członkowie zagłosują wiosną, chcemy poznać każdy powód, dla którego to może "
        "się nie udać. Nie powody, dla których może się udać: tych nasłuchaliśmy się dość.",
        None,
        "بہار میں اراکین کے ووٹ سے پہلے ہم ہر وہ وجہ سننا چاہتے ہیں جس سے یہ معاملہ بگڑ "
        "سکتا ہے۔ یہ نہیں کہ یہ کیوں کامیاب ہو سکتا ہے: وہ باتیں ہم بہت سن چکے ہیں۔",
    ),
    (
        "For three years the Food Partnership has been a loose network: forty-odd growers, "
        "food banks, community cafés and kitchens who meet every other month, share a "
        "WhatsApp group and, when a grant comes in, share the work. It has served us well. "
        "It has also meant that a handful of us end up holding the money, the contracts and "
        "the worry.",
        "Od trzech lat Partnerstwo Żywnościowe jest luźną siecią: około czterdziestu "
        "ogrodników, banków żywności, społecznych kawiarni i kuchni, które spotykają się co "
        "dwa miesiące, mają wspólną grupę na WhatsAppie, a kiedy przychodzi grant, dzielą się "
        "pracą. Dobrze nam to służyło. Oznaczało też, że garstka z nas zostaje z pieniędzmi, "
        "umowami i całym zmartwieniem.",
        None,
        "تین برس سے فوڈ پارٹنرشپ ایک ڈھیلا ڈھالا نیٹ ورک رہا ہے: چالیس کے قریب کاشت کار، "
        "فوڈ بینک، کمیونٹی کیفے اور کچن جو ہر دوسرے مہینے ملتے ہیں، ایک واٹس ایپ گروپ میں "
        "شریک ہیں اور جب کوئی گرانٹ آتی ہے تو کام بانٹ لیتے ہیں۔ اس انتظام نے ہمارا اچھا "
        "ساتھ دیا ہے۔ مگر اس کا مطلب یہ بھی رہا ہے کہ پیسہ، معاہدے اور فکر چند لوگوں کے "
        "سر آ جاتے ہیں۔",
    ),
    (
        "At the last members' meeting someone asked the obvious question: should we become "
        "a co-operative, owned and run by the members? The room was keen. That is exactly why "
        "the steering group wants to slow down.",
        "Na ostatnim zebraniu członków ktoś zadał oczywiste pytanie: czy nie powinniśmy zostać "
        "spółdzielnią, której właścicielami są członkowie i którą sami prowadzą? Sala była na "
        "tak. Właśnie dlatego grupa koordynująca chce zwolnić.",
        None,
        "اراکین کے پچھلے اجلاس میں کسی نے وہ سوال پوچھا جو سب کے ذہن میں تھا: کیا ہمیں ایسا "
        "کوآپریٹو بن جانا چاہیے جس کے مالک اور منتظم خود اراکین ہوں؟ سب پرجوش تھے۔ اسی لیے "
        "اسٹیئرنگ گروپ رفتار دھیمی کرنا چاہتا ہے۔",
    ),
    (
        "Why we are asking for the case against",
        "Dlaczego pytamy o argumenty przeciw",
        None,
        "ہم مخالفت کی دلیلیں کیوں مانگ رہے ہیں",
    ),
    (
        "When everyone in a room agrees, the people with doubts tend to stay quiet. Those "
        "doubts are usually the most useful thing in the room. A co-operative would change "
        "who is responsible when things go wrong, how decisions get made and how much of your "
        "time a meeting takes. Those are real costs, and they land hardest on the smallest "
        "members.",
        "Kiedy wszyscy na sali się zgadzają, ci, którzy mają wątpliwości, zwykle milczą. A "
        "właśnie te wątpliwości są zazwyczaj najcenniejsze. Spółdzielnia zmieniłaby to, kto "
        "odpowiada, gdy coś pójdzie nie tak, jak zapadają decyzje i ile twojego czasu zajmuje "
        "zebranie. To prawdziwe koszty i najmocniej uderzają w najmniejszych członków.",
        None,
        "جب کمرے میں سب متفق ہوں تو جن کے دل میں شک ہو وہ اکثر خاموش رہتے ہیں۔ اور عموماً "
        "یہی شکوک سب سے کام کی بات ہوتے ہیں۔ کوآپریٹو بننے سے یہ بدل جائے گا کہ کچھ غلط ہونے "
        "پر ذمہ دار کون ہے، فیصلے کیسے ہوتے ہیں اور ایک اجلاس آپ کا کتنا وقت لیتا ہے۔ یہ حقیقی "
        "قیمتیں ہیں، اور ان کا سب سے زیادہ بوجھ سب سے چھوٹے اراکین پر پڑتا ہے۔",
    ),
    (
        "So before we draft anything, we are asking one question: <b>why might becoming a "
        "co-operative be a bad idea for you?</b>",
        "Dlatego zanim cokolwiek napiszemy, zadajemy jedno pytanie: <b>dlaczego zostanie "
        "spółdzielnią mogłoby być złym pomysłem dla ciebie?</b>",
        None,
        "اس لیے کچھ بھی لکھنے سے پہلے ہم ایک ہی سوال پوچھ رہے ہیں: <b>کوآپریٹو بننا آپ کے "
        "لیے برا خیال کیوں ہو سکتا ہے؟</b>",
    ),
    (
        "I love the idea. I'm just not sure my café can afford to be a director of anything.",
        "Bardzo mi się ten pomysł podoba. Tylko nie wiem, czy moją kawiarnię stać na to, żeby "
        "czymkolwiek zarządzać.",
        None,
        "مجھے یہ خیال بہت پسند ہے۔ بس یقین نہیں کہ میرا کیفے کسی چیز کا ڈائریکٹر بننے کا "
        "بوجھ اٹھا سکتا ہے۔",
    ),
    (
        "A member, at the September meeting",
        "Członkini sieci na wrześniowym zebraniu",
        None,
        "ایک رکن، ستمبر کے اجلاس میں",
    ),
    ("How to tell us", "Jak nam to przekazać", None, "ہمیں کیسے بتائیں"),
    (
        "Comment below, email Amira, or come to one of the drop-ins at the Eastfield "
        "community kitchen on the first Tuesday of the month. You can tell us anonymously if "
        "you would rather. We will publish everything we hear, grouped by theme, before "
        "anyone is asked to vote.",
        "Napisz komentarz poniżej, wyślij e-mail do Amiry albo przyjdź na dyżur w kuchni "
        "społecznej w Eastfield w pierwszy wtorek miesiąca. Jeśli wolisz, możesz to zrobić "
        "anonimowo. Zanim ktokolwiek zostanie poproszony o głos, opublikujemy wszystko, co "
        "usłyszymy, pogrupowane według tematów.",
        None,
        "نیچے تبصرہ کریں، امیرہ کو ای میل کریں، یا ہر مہینے کے پہلے منگل کو ایسٹ فیلڈ "
        "کمیونٹی کچن کی کھلی نشست میں آئیں۔ چاہیں تو نام بتائے بغیر بھی بتا سکتے ہیں۔ کسی "
        "سے ووٹ مانگنے سے پہلے ہم جو کچھ سنیں گے، موضوع وار ترتیب دے کر شائع کر دیں گے۔",
    ),
    # Its second post: what members said
    (
        "Five reasons members gave us for not becoming a co-operative",
        "Pięć powodów, dla których członkowie nie chcą, żebyśmy zostali spółdzielnią",
        None,
        "کوآپریٹو نہ بننے کی پانچ وجوہات جو اراکین نے ہمیں بتائیں",
    ),
    (
        "Sixty-three of you answered. Here is what you said, in your words, and what the "
        "steering group thinks we should do next.",
        "Odpowiedziało sześćdziesiąt trzy osoby. Oto, co napisaliście, waszymi słowami, i co "
        "grupa koordynująca proponuje dalej.",
        None,
        "آپ میں سے تریسٹھ لوگوں نے جواب دیا۔ یہ ہے جو آپ نے کہا، آپ ہی کے الفاظ میں، اور یہ کہ "
        "اسٹیئرنگ گروپ کے خیال میں اب آگے کیا کرنا چاہیے۔",
    ),
    (
        "Thank you to everyone who told us why becoming a co-operative might be a bad idea. "
        "Sixty-three members replied: by email, in the comments, on paper at the drop-ins "
        "and, in two cases, on the back of a delivery note.",
        "Dziękujemy wszystkim, którzy napisali nam, dlaczego zostanie spółdzielnią może być "
        "złym pomysłem. Odpowiedziało sześćdziesiąt trzy osoby: e-mailem, w komentarzach, na "
        "kartkach na dyżurach, a w dwóch przypadkach na odwrocie dowodu dostawy.",
        None,
        "ان سب کا شکریہ جنہوں نے ہمیں بتایا کہ کوآپریٹو بننا کیوں برا خیال ہو سکتا ہے۔ "
        "تریسٹھ اراکین نے جواب دیا: ای میل سے، تبصروں میں، کھلی نشستوں میں کاغذ پر، اور دو "
        "بار تو ڈلیوری رسید کی پشت پر۔",
    ),
    (
        "The first two came up again and again. Several of you pointed out that the people "
        "with the least spare time (single parents running a breakfast club, a grower with "
        "two jobs) are the ones a co-operative most needs to hear from and the ones it is "
        "most likely to lose.",
        "Dwa pierwsze powtarzały się bez końca. Kilka osób zauważyło, że ludzie, którzy mają "
        "najmniej wolnego czasu (samotni rodzice prowadzący klub śniadaniowy, ogrodnik "
        "pracujący na dwóch etatach), to właśnie ci, których spółdzielnia najbardziej "
        "potrzebuje słuchać, i ci, których najłatwiej straci.",
        None,
        "پہلی دو وجوہات بار بار سامنے آئیں۔ آپ میں سے کئی نے نشاندہی کی کہ جن لوگوں کے پاس "
        "سب سے کم فالتو وقت ہے (ناشتہ کلب چلانے والے اکیلے والدین، دو نوکریاں کرنے والا "
        "کاشت کار) کوآپریٹو کو سب سے زیادہ انہی کی بات سننے کی ضرورت ہے، اور انہی کے چھوٹ "
        "جانے کا سب سے زیادہ خطرہ ہے۔",
    ),
    (
        "The steering group is not recommending a vote yet. Instead we will try six months "
        "of working as if we were a co-operative, with rotating chairs and decisions by "
        "members' vote, and see how it feels before anyone signs a legal document.",
        "Grupa koordynująca nie proponuje na razie głosowania. Zamiast tego przez pół roku "
        "spróbujemy działać tak, jakbyśmy już byli spółdzielnią: z rotacyjnym prowadzeniem "
        "zebrań i decyzjami podejmowanymi w głosowaniu członków. Zobaczymy, jak to wygląda, "
        "zanim ktokolwiek podpisze jakikolwiek dokument.",
        None,
        "اسٹیئرنگ گروپ ابھی ووٹ کی سفارش نہیں کر رہا۔ اس کے بجائے ہم چھ مہینے ایسے کام کر کے "
        "دیکھیں گے جیسے ہم کوآپریٹو ہوں، باری باری صدارت اور اراکین کے ووٹ سے فیصلوں کے "
        "ساتھ، اور دیکھیں گے کہ یہ کیسا لگتا ہے، اس سے پہلے کہ کوئی قانونی کاغذ پر دستخط کرے۔",
    ),
    # Its third post: the community fridge
    (
        "A year of the community fridge",
        "Rok ze społeczną lodówką",
        None,
        "کمیونٹی فریج کا ایک سال",
    ),
    (
        "No forms, no questions, no referral. What happened when we trusted people to take "
        "what they need.",
        "Bez formularzy, bez pytań, bez skierowań. Co się stało, kiedy zaufaliśmy ludziom, że "
        "wezmą tyle, ile potrzebują.",
        None,
        "نہ فارم، نہ سوال، نہ سفارش۔ کیا ہوا جب ہم نے لوگوں پر بھروسا کیا کہ وہ اتنا ہی لیں "
        "گے جتنی انہیں ضرورت ہے۔",
    ),
    (
        "When the fridge outside St Anne's hall opened last autumn, the worry we heard most "
        "was that one or two people would empty it every morning. It has not happened. On an "
        "average day 140 items go in and 135 come out.",
        "Kiedy zeszłej jesieni otworzyliśmy lodówkę przed salą św. Anny, najczęściej "
        "słyszeliśmy obawę, że jedna czy dwie osoby będą ją co rano opróżniać. Nic takiego się "
        "nie stało. Przeciętnego dnia trafia do niej 140 produktów, a znika 135.",
        None,
        "جب پچھلی خزاں میں سینٹ این ہال کے باہر فریج کھلا تو سب سے زیادہ یہی فکر سنی کہ ایک "
        "دو لوگ ہر صبح اسے خالی کر دیں گے۔ ایسا نہیں ہوا۔ عام دنوں میں 140 چیزیں رکھی جاتی "
        "ہیں اور 135 لی جاتی ہیں۔",
    ),
    (
        "What did happen was slower and better. Neighbours started leaving notes. A bakery on "
        "the high street now drops off its unsold bread at six. Three of the people who first "
        "came to take food are now the volunteers who clean it.",
        "Stało się coś wolniejszego i lepszego. Sąsiedzi zaczęli zostawiać liściki. Piekarnia "
        "z głównej ulicy przynosi teraz o szóstej niesprzedany chleb. Trzy osoby, które "
        "najpierw przychodziły po jedzenie, są dziś wolontariuszami, którzy ją sprzątają.",
        None,
        "جو ہوا وہ آہستہ آہستہ ہوا اور بہتر ہوا۔ پڑوسی پرچیاں چھوڑنے لگے۔ بازار کی ایک بیکری "
        "اب شام چھ بجے اپنی بچی ہوئی ڈبل روٹی دے جاتی ہے۔ جو لوگ شروع میں کھانا لینے آئے تھے "
        "ان میں سے تین اب وہ رضاکار ہیں جو اسے صاف کرتے ہیں۔",
    ),
    (
        "Nobody asked me why I needed it. That's why I came back to help.",
        "Nikt mnie nie pytał, po co mi to. Dlatego wróciłam, żeby pomagać.",
        None,
        "کسی نے مجھ سے نہیں پوچھا کہ مجھے اس کی ضرورت کیوں ہے۔ اسی لیے میں مدد کرنے واپس آئی۔",
    ),
    ("A volunteer", "Wolontariuszka", None, "ایک رضاکار"),
    (
        "Trust is not a policy. It is what you get when you stop asking people to prove they "
        "deserve help.",
        "Zaufanie to nie regulamin. To coś, co pojawia się, kiedy przestajesz kazać ludziom "
        "udowadniać, że zasługują na pomoc.",
        None,
        "بھروسا کوئی پالیسی نہیں۔ یہ وہ ہے جو تب ملتا ہے جب آپ لوگوں سے یہ ثابت کروانا چھوڑ "
        "دیتے ہیں کہ وہ مدد کے حق دار ہیں۔",
    ),
    # The Food Partnership's events (events.demo)
    (
        "New volunteers' evening",
        "Wieczór dla nowych wolontariuszy",
        None,
        "نئے رضاکاروں کی شام",
    ),
    (
        "An evening for new volunteers: food safety and the rota.",
        "Wieczór dla nowych wolontariuszy: bezpieczeństwo żywności i grafik dyżurów.",
        None,
        "نئے رضاکاروں کے لیے ایک شام: کھانے کی حفاظت اور باری کا نظام۔",
    ),
    ("St Anne's Hall", "Sala św. Anny", None, "سینٹ این ہال"),
    ("12 Market Street", "12 Market Street", None, "12 مارکیٹ اسٹریٹ"),
    ("Weekly growing club", "Cotygodniowy klub ogrodniczy", None, "ہفتہ وار باغبانی کلب"),
    (
        "Every week at the allotment: seeds, soil and tea.",
        "Co tydzień na działce: nasiona, ziemia i herbata.",
        None,
        "ہر ہفتے الاٹمنٹ پر: بیج، مٹی اور چائے۔",
    ),
    ("Mile End allotments", "Działki Mile End", None, "مائل اینڈ الاٹمنٹس"),
    ("Cooking together", "Gotujemy razem", None, "مل کر کھانا پکانا"),
    (
        "A relaxed cooking session for everyone.",
        "Spokojne wspólne gotowanie dla wszystkich.",
        None,
        "سب کے لیے ایک پُرسکون کھانا پکانے کی نشست۔",
    ),
    ("Community kitchen", "Kuchnia społeczna", None, "کمیونٹی کچن"),
    ("3 Bow Road", "3 Bow Road", None, "3 بو روڈ"),
    (
        "Level entry from the street and an accessible toilet.",
        "Wejście z ulicy bez progów i toaleta dostępna dla osób z niepełnosprawnościami.",
        None,
        "گلی سے بغیر سیڑھی کے داخلہ اور معذور افراد کے لیے قابلِ رسائی بیت الخلا۔",
    ),
    ("£2, or free", "2 funty albo za darmo", None, "2 پاؤنڈ، یا مفت"),
    ("Harvest supper", "Kolacja dożynkowa", None, "فصل کی دعوت"),
    (
        "We shared what the gardens grew.",
        "Podzieliliśmy się tym, co urosło w ogrodach.",
        None,
        "باغوں میں جو اُگا، ہم نے مل کر بانٹا۔",
    ),
]

# The Food Partnership's consultations (consultations.demo)
ENTRIES += [
    ("Our growing season plans", "Nasze plany na sezon", None, "ہمارے موسمِ کاشت کے منصوبے"),
    (
        "Tell us what the partnership should do first this year.",
        "Powiedz nam, czym partnerstwo powinno zająć się najpierw w tym roku.",
        None,
        "ہمیں بتائیں کہ اس سال شراکت داری سب سے پہلے کیا کرے۔",
    ),
    (
        "We put forward three ideas and asked which should come first.",
        "Przedstawiliśmy trzy pomysły i zapytaliśmy, który powinien być pierwszy.",
        None,
        "ہم نے تین خیال پیش کیے اور پوچھا کہ پہلے کون سا ہو۔",
    ),
    (
        "Members and friends of the network.",
        "Członkowie i przyjaciele sieci.",
        None,
        "نیٹ ورک کے اراکین اور دوست۔",
    ),
    (
        "We count the answers and publish what we decided.",
        "Liczymy odpowiedzi i publikujemy nasze decyzje.",
        None,
        "ہم جوابات گنتے ہیں اور اپنے فیصلے شائع کرتے ہیں۔",
    ),
    (
        "Which of three ideas should come first, and when people can come.",
        "Który z trzech pomysłów powinien być pierwszy i kiedy ludzie mogą przychodzić.",
        None,
        "تین خیالوں میں سے کون سا پہلے ہو، اور لوگ کب آ سکتے ہیں۔",
    ),
    (
        "Most of you asked for more events, in the evenings.",
        "Większość z Was chciała więcej wydarzeń, wieczorami.",
        None,
        "آپ میں سے زیادہ تر نے شام کے وقت مزید تقریبات مانگیں۔",
    ),
    (
        "What should we do first?",
        "Co powinniśmy zrobić najpierw?",
        None,
        "ہمیں پہلے کیا کرنا چاہیے؟",
    ),
    (
        "Run more events, Write a shared guide, Meet more often online",
        "Więcej wydarzeń, Wspólny poradnik, Częstsze spotkania online",
        None,
        "مزید تقریبات, ایک مشترکہ رہنما کتابچہ, آن لائن زیادہ ملاقاتیں",
    ),
    ("Which days suit you?", "Które dni Ci odpowiadają?", None, "آپ کے لیے کون سے دن مناسب ہیں؟"),
    (
        "Weekdays, Evenings, Weekends",
        "Dni powszednie, Wieczory, Weekendy",
        None,
        "ہفتے کے دن, شامیں, ہفتہ وار چھٹیاں",
    ),
    ("Anything else?", "Coś jeszcze?", None, "کچھ اور؟"),
    ("Run more events", "Więcej wydarzeń", None, "مزید تقریبات"),
    (
        "We will run an event every month, in the evening.",
        "Co miesiąc zorganizujemy wieczorne wydarzenie.",
        None,
        "ہم ہر مہینے شام کو ایک تقریب کریں گے۔",
    ),
    (
        "It was the first choice of most people who answered.",
        "Był to pierwszy wybór większości osób, które odpowiedziały.",
        None,
        "جواب دینے والوں میں سے زیادہ تر کی یہ پہلی پسند تھی۔",
    ),
    ("Meet more often online", "Częstsze spotkania online", None, "آن لائن زیادہ ملاقاتیں"),
    # The closed consultation's proposal, headed by its three ideas.
    ("Write a shared guide", "Wspólny przewodnik", None, "ایک مشترکہ رہنما کتابچہ"),
    (
        "An event every month, somewhere different each time.",
        "Wydarzenie co miesiąc, za każdym razem w innym miejscu.",
        None,
        "ہر مہینے ایک تقریب، ہر بار کسی نئی جگہ۔",
    ),
    (
        "One guide to what each member organisation offers.",
        "Jeden przewodnik po tym, co oferuje każda organizacja członkowska.",
        None,
        "ایک کتابچہ کہ ہر رکن تنظیم کیا پیش کرتی ہے۔",
    ),
    (
        "A short online meeting between the monthly ones.",
        "Krótkie spotkanie online pomiędzy comiesięcznymi spotkaniami.",
        None,
        "ماہانہ ملاقاتوں کے بیچ ایک مختصر آن لائن ملاقات۔",
    ),
    (
        "We will not add online meetings this year.",
        "W tym roku nie dodamy spotkań online.",
        None,
        "اس سال ہم آن لائن ملاقاتیں شامل نہیں کریں گے۔",
    ),
    (
        "Few people chose it, and we do not have the volunteers.",
        "Wybrało to niewiele osób, a nie mamy wolontariuszy.",
        None,
        "بہت کم لوگوں نے اسے چنا، اور ہمارے پاس رضاکار نہیں ہیں۔",
    ),
    (
        "Should we become a co-operative? Tell us why not",
        "Czy powinniśmy zostać spółdzielnią? Powiedz nam, dlaczego nie",
        None,
        "کیا ہمیں کوآپریٹو بن جانا چاہیے؟ ہمیں بتائیں کیوں نہیں",
    ),
    (
        "We are thinking of becoming a community co-operative owned by its members. "
        "Before we decide, we want to hear the case against.",
        "Myślimy o przekształceniu się w spółdzielnię społeczną, której właścicielami są "
        "członkowie. Zanim zdecydujemy, chcemy usłyszeć argumenty przeciw.",
        None,
        "ہم ایک ایسی کمیونٹی کوآپریٹو بننے کا سوچ رہے ہیں جس کے مالک اس کے اراکین ہوں۔ "
        "فیصلے سے پہلے ہم مخالفت کے دلائل سننا چاہتے ہیں۔",
    ),
    (
        "The partnership would become a community co-operative: members would own it, elect its "
        "board at an annual general meeting and decide how any surplus is spent.",
        "Partnerstwo stałoby się spółdzielnią społeczną: członkowie byliby jej właścicielami, "
        "wybieraliby zarząd na walnym zgromadzeniu i decydowali, na co wydać nadwyżkę.",
        None,
        "شراکت داری ایک کمیونٹی کوآپریٹو بن جائے گی: اراکین اس کے مالک ہوں گے، سالانہ عام اجلاس "
        "میں اس کا بورڈ چنیں گے اور طے کریں گے کہ بچت کہاں خرچ ہو۔",
    ),
    (
        "We are keen to hear from people who think this is a waste of time or a bad idea, and "
        "importantly why.",
        "Bardzo chcemy usłyszeć osoby, które uważają to za stratę czasu albo zły pomysł, a przede "
        "wszystkim dlaczego.",
        None,
        "ہم ان لوگوں سے سننا چاہتے ہیں جو سمجھتے ہیں کہ یہ وقت کا ضیاع یا برا خیال ہے، اور سب سے "
        "بڑھ کر کیوں۔",
    ),
    (
        "Everyone who grows, cooks, buys or volunteers with the Food Partnership.",
        "Wszyscy, którzy uprawiają, gotują, kupują lub działają jako wolontariusze "
        "w Partnerstwie Żywnościowym.",
        None,
        "ہر وہ شخص جو فوڈ پارٹنرشپ کے ساتھ اگاتا، پکاتا، خریدتا یا رضاکارانہ کام کرتا ہے۔",
    ),
    (
        "The steering group reads every answer before it decides. We publish the figures and "
        "what we decided; we never publish names.",
        "Grupa sterująca czyta każdą odpowiedź, zanim podejmie decyzję. Publikujemy liczby i "
        "nasze decyzje; nigdy nie publikujemy imion.",
        None,
        "رہنما گروپ فیصلے سے پہلے ہر جواب پڑھتا ہے۔ ہم اعداد اور اپنے فیصلے شائع کرتے ہیں؛ نام "
        "کبھی شائع نہیں کرتے۔",
    ),
    (
        "The steering group meets after the consultation closes to read every answer.",
        "Po zakończeniu konsultacji grupa sterująca spotyka się, aby przeczytać każdą odpowiedź.",
        None,
        "مشاورت بند ہونے کے بعد رہنما گروپ ہر جواب پڑھنے کے لیے ملتا ہے۔",
    ),
    (
        "Why should we not become a co-operative?",
        "Dlaczego nie powinniśmy zostać spółdzielnią?",
        None,
        "ہمیں کوآپریٹو کیوں نہیں بننا چاہیے؟",
    ),
    (
        "Tell us honestly: we want to hear from people who think this is a waste of time, or a "
        "bad idea, and why.",
        "Powiedz szczerze: chcemy usłyszeć osoby, które uważają to za stratę czasu albo zły "
        "pomysł, i dlaczego.",
        None,
        "ہمیں سچ بتائیں: ہم ان لوگوں سے سننا چاہتے ہیں جو اسے وقت کا ضیاع یا برا خیال سمجھتے ہیں، "
        "اور کیوں۔",
    ),
    (
        "What worries you most about becoming a co-operative?",
        "Co najbardziej Cię martwi w przekształceniu w spółdzielnię?",
        None,
        "کوآپریٹو بننے کے بارے میں آپ کو سب سے زیادہ کیا فکر ہے؟",
    ),
    (
        "The cost of membership, More meetings and paperwork, Losing our informal way of "
        "working, Legal responsibility, Nothing worries me",
        "Koszt członkostwa, Więcej zebrań i papierów, Utrata naszego nieformalnego stylu "
        "pracy, Odpowiedzialność prawna, Nic mnie nie martwi",
        None,
        "رکنیت کی لاگت, زیادہ اجلاس اور کاغذی کارروائی, ہمارے غیر رسمی طریقۂ کار کا خاتمہ, "
        "قانونی ذمہ داری, مجھے کوئی فکر نہیں",
    ),
    (
        "Which membership types should we offer?",
        "Jakie rodzaje członkostwa powinniśmy oferować?",
        None,
        "ہمیں رکنیت کی کون سی اقسام پیش کرنی چاہییں؟",
    ),
    (
        "Residents, Growers and producers, Workers, Community organisations",
        "Mieszkańcy, Ogrodnicy i producenci, Pracownicy, Organizacje społeczne",
        None,
        "رہائشی, کاشتکار اور پیداوار کرنے والے, کارکن, کمیونٹی تنظیمیں",
    ),
    ("Choose as many as you like.", "Wybierz dowolnie wiele.", None, "جتنے چاہیں چنیں۔"),
    (
        "Would you come to an annual general meeting (AGM)?",
        "Czy przyszedłbyś na walne zgromadzenie?",
        None,
        "کیا آپ سالانہ عام اجلاس (AGM) میں آئیں گے؟",
    ),
    ("Yes, Maybe, No", "Tak, Może, Nie", None, "ہاں, شاید, نہیں"),
]

TEXTS = {
    code: {entry[0]: entry[index] for entry in ENTRIES if entry[index] is not None}
    for index, code in enumerate(("pl", "bn", "ur"), start=1)
}
