// The canned sentences answers are made of (Japanese ones for CJK prompts).

export const ENGLISH_SENTENCES = [
  "The quick answer is that it depends on the context you provide.",
  "Here is a short summary of the main points.",
  "First, check the inputs; then compare the results with the expected values.",
  "Caching repeated prompts is one of the easiest ways to cut latency and cost.",
  "A smaller model is often good enough for classification tasks.",
  "Streaming lets the user read the first words while the rest is still being generated.",
  "Token usage grows with both the prompt and the completion, so watch both.",
  "In short, measure before you optimize.",
  "The weather today is mild, with a light breeze from the west.",
  "Paris is the capital of France and sits on the Seine.",
  "Water boils at one hundred degrees Celsius at sea level.",
  "Good prompts state the task, the format and one clear example.",
  "Retries with exponential backoff smooth over brief rate limits.",
  "Each request carries its own context, so identical prompts are cheap to compare.",
  "That is a great question, and the honest answer has a few parts.",
  "Let me know if you would like more detail on any of these steps.",
];

export const JAPANESE = [
  "ご質問ありがとうございます。",
  "結論から言うと、状況によって異なります。",
  "まず入力を確認し、次に結果を比較してください。",
  "ストリーミングを使うと最初の言葉をすぐに表示できます。",
  "トークン数はプロンプトと応答の両方で増えます。",
  "詳しく知りたい点があれば教えてください。",
];

// Background paragraphs a model adds when asked to explain in detail: the
// reason a one-line prompt edit can triple the tokens of every call.
export const BACKGROUND_EN = [
  "To give some background, this question touches several related ideas that are worth separating.",
  "Historically, the first approaches were simple, and each later refinement added another layer of nuance.",
  "It helps to look at the assumptions behind the question before looking at the answer itself.",
  "Several factors interact here, and the most important one is usually the context of the request.",
  "Practitioners tend to weigh cost, latency and accuracy against each other when they choose an approach.",
  "With that background in place, the direct answer follows.",
];

export const BACKGROUND_JA = [
  "まず背景から説明します。この質問にはいくつかの関連する考え方が含まれており、それぞれを分けて考えることが大切です。",
  "歴史的には、最初の方法はとても単純なものでしたが、その後の改良によって少しずつ複雑で精密なものになってきました。",
  "答えそのものを見る前に、質問の前提となっている考え方や条件を確認しておくと、全体の理解がずっと深まります。",
  "ここでは複数の要因が互いに影響し合っており、多くの場合、最も重要なのは依頼の文脈と目的です。",
  "実務では、費用、応答時間、正確さの三つを比べながら、状況に合った方法を選ぶことが一般的です。",
  "また、同じ質問でも利用者の立場や前提知識によって、適切な説明の深さは大きく変わります。",
  "さらに、関連する制度や過去の経緯を知っておくと、数字の意味や変化の理由をより正確に読み取れます。",
  "以上の背景を踏まえたうえで、ここからは質問への直接の答えを順に説明していきます。",
];
