"""English: not a pack (stages skip English documents). Its function words
(stopwords.txt) help the clean stage tell prose from page chrome."""
