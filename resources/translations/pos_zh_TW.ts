<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
    <context>
        <name>Cart</name>
        <message>
            <source>Item</source>
            <translation>品項</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>單價</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>數量</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金額</translation>
        </message>
        <message>
            <source>Open amount ({category})</source>
            <translation>自訂金額（{category}）</translation>
        </message>
        <message>
            <source>Remove this line</source>
            <translation>刪除這一行</translation>
        </message>
    </context>
    <context>
        <name>Categories</name>
        <message>
            <source>Drinks</source>
            <translation>飲品</translation>
        </message>
        <message>
            <source>Food</source>
            <translation>食品</translation>
        </message>
        <message>
            <source>Homeware</source>
            <translation>居家用品</translation>
        </message>
        <message>
            <source>Skincare</source>
            <translation>保養品</translation>
        </message>
        <message>
            <source>Gifts</source>
            <translation>禮品</translation>
        </message>
        <message>
            <source>Apparel</source>
            <translation>服飾</translation>
        </message>
        <message>
            <source>General</source>
            <translation>一般</translation>
        </message>
    </context>
    <context>
        <name>Checkout</name>
        <message>
            <source>Checkout</source>
            <translation>結帳</translation>
        </message>
        <message>
            <source>New sale</source>
            <translation>新交易</translation>
        </message>
        <message>
            <source>Find member</source>
            <translation>查詢會員</translation>
        </message>
        <message>
            <source>Enroll</source>
            <translation>加入會員</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>攝影機</translation>
        </message>
        <message>
            <source>Member details</source>
            <translation>會員資料</translation>
        </message>
        <message>
            <source>Returns</source>
            <translation>退貨</translation>
        </message>
        <message>
            <source>Day report</source>
            <translation>日報表</translation>
        </message>
        <message>
            <source>Open amount</source>
            <translation>自訂金額</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>設定</translation>
        </message>
        <message>
            <source>Card {old} was merged into member {new}.</source>
            <translation>卡號 {old} 已合併到會員 {new}。</translation>
        </message>
        <message>
            <source>Sale {receipt} confirmed: earned {earned}, redeemed {redeemed}, new balance {balance}.</source>
            <translation>交易 {receipt} 已完成：獲得 {earned} 點，折抵 {redeemed} 點，剩餘 {balance} 點。</translation>
        </message>
        <message>
            <source>Confirming…</source>
            <translation>確認中…</translation>
        </message>
        <message>
            <source>{asked} points is more than this sale takes: {points} points used.</source>
            <translation>{asked} 點超過這筆交易可折抵的上限：已改為折抵 {points} 點。</translation>
        </message>
        <message>
            <source>Points are used in steps of {step}: {asked} became {points}.</source>
            <translation>點數以每 {step} 點為單位折抵：{asked} 已改為 {points}。</translation>
        </message>
        <message>
            <source>Start a new sale?</source>
            <translation>開始新的交易？</translation>
        </message>
        <message>
            <source>The cart has {n} lines that are not confirmed. Throw them away?</source>
            <translation>購物車有 {n} 項尚未結帳。要清除嗎？</translation>
        </message>
        <message>
            <source>Throw the cart away</source>
            <translation>清除購物車</translation>
        </message>
        <message>
            <source>Keep the cart</source>
            <translation>保留購物車</translation>
        </message>
        <message>
            <source>{asked} points needs the member&apos;s card or a one-time code: {points} points used for now.</source>
            <translation>折抵 {asked} 點須掃會員卡或輸入簡訊驗證碼：目前先折抵 {points} 點。</translation>
        </message>
        <message>
            <source>More than {points} points: scan the member&apos;s card or confirm with a one-time code.</source>
            <translation>超過 {points} 點：請掃會員卡，或以簡訊驗證碼確認。</translation>
        </message>
        <message>
            <source>More than {points} points: scan the member&apos;s card (offline: no code can be sent).</source>
            <translation>超過 {points} 點：請掃會員卡（離線中，無法傳送驗證碼）。</translation>
        </message>
        <message>
            <source>Code sent to {phone}: type the 6 digits the member reads.</source>
            <translation>驗證碼已傳送至 {phone}：請輸入會員念出的 6 位數字。</translation>
        </message>
        <message>
            <source>Send code</source>
            <translation>傳送驗證碼</translation>
        </message>
        <message>
            <source>Verify</source>
            <translation>驗證</translation>
        </message>
        <message>
            <source>Code confirmed: the member may redeem the points.</source>
            <translation>驗證成功：會員可折抵點數。</translation>
        </message>
    </context>
    <context>
        <name>Enroll</name>
        <message>
            <source>Enroll a member</source>
            <translation>加入會員</translation>
        </message>
        <message>
            <source>New member</source>
            <translation>新會員</translation>
        </message>
        <message>
            <source>Mobile phone *</source>
            <translation>手機號碼 *</translation>
        </message>
        <message>
            <source>Name *</source>
            <translation>姓名 *</translation>
        </message>
        <message>
            <source>Birthday</source>
            <translation>生日</translation>
        </message>
        <message>
            <source>Referred by</source>
            <translation>推薦人</translation>
        </message>
        <message>
            <source>YYYY-MM-DD (optional)</source>
            <translation>YYYY-MM-DD（選填）</translation>
        </message>
        <message>
            <source>Phone or member code of a member (optional)</source>
            <translation>推薦會員的手機或會員編號（選填）</translation>
        </message>
        <message>
            <source>The member accepts the terms and the privacy notice (required)</source>
            <translation>會員同意會員條款及隱私權聲明（必填）</translation>
        </message>
        <message>
            <source>The member agrees to receive offers (optional)</source>
            <translation>會員同意接收優惠訊息（選填）</translation>
        </message>
        <message>
            <source>Use this member</source>
            <translation>使用這位會員</translation>
        </message>
        <message>
            <source>Enroll and make the card</source>
            <translation>加入並製作會員卡</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Welcome! Here is the member card.</source>
            <translation>歡迎加入！這是會員卡。</translation>
        </message>
        <message>
            <source>This phone already belongs to {name} ({code}).</source>
            <translation>這個手機號碼已屬於 {name}（{code}）。</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>Only HQ issues this kind of coupon; it cannot be used.</source>
            <translation>此類優惠券僅由總部發行，無法使用。</translation>
        </message>
        <message>
            <source>This coupon comes from a retired till and cannot be used.</source>
            <translation>此優惠券來自已停用的收銀機，無法使用。</translation>
        </message>
        <message>
            <source>This card is from a retired till. Find the member by phone and give them a new card.</source>
            <translation>此會員卡來自已停用的收銀機。請以電話查詢會員並補發新卡。</translation>
        </message>
        <message>
            <source>Unknown cashier ID or wrong PIN.</source>
            <translation>收銀員編號或 PIN 錯誤。</translation>
        </message>
        <message>
            <source>Locked after too many wrong PINs. A supervisor must unlock it.</source>
            <translation>PIN 錯誤次數過多，已鎖定。須由主管解鎖。</translation>
        </message>
        <message>
            <source>This till has no supervisor yet. Add one first.</source>
            <translation>此收銀機尚未設定主管，請先新增。</translation>
        </message>
        <message>
            <source>Enter the PIN.</source>
            <translation>請輸入 PIN。</translation>
        </message>
        <message>
            <source>The disk is full: nothing was saved. Free some space and try again.</source>
            <translation>磁碟已滿：未儲存任何資料。請釋出空間後再試。</translation>
        </message>
        <message>
            <source>No such reconciliation run.</source>
            <translation>沒有這次對帳紀錄。</translation>
        </message>
        <message>
            <source>No member matches that.</source>
            <translation>找不到符合的會員。</translation>
        </message>
        <message>
            <source>This member cannot collect or spend points right now.</source>
            <translation>這位會員目前無法累積或使用點數。</translation>
        </message>
        <message>
            <source>This membership was closed at the member's request.</source>
            <translation>此會員資格已依會員要求終止。</translation>
        </message>
        <message>
            <source>Correcting this member's name, phone or birthday needs HQ. Try again when the till is online.</source>
            <translation>修改此會員的姓名、電話或生日需要連上總部，請於收銀機連線後再試。</translation>
        </message>
        <message>
            <source>Nothing to change.</source>
            <translation>沒有要變更的內容。</translation>
        </message>
        <message>
            <source>HQ must be reached over https://.</source>
            <translation>HQ 必須以 https:// 連線。</translation>
        </message>
        <message>
            <source>That file is not a list of CA certificates (PEM).</source>
            <translation>該檔案不是 CA 憑證清單（PEM）。</translation>
        </message>
        <message>
            <source>This code is not a member card.</source>
            <translation>這不是會員卡條碼。</translation>
        </message>
        <message>
            <source>This member card's signature is not valid. Do not accept it.</source>
            <translation>這張會員卡的簽章無效，請勿接受。</translation>
        </message>
        <message>
            <source>This member code has expired. Ask the member to refresh it.</source>
            <translation>這個會員條碼已過期，請會員重新整理。</translation>
        </message>
        <message>
            <source>This phone number already belongs to a member.</source>
            <translation>這個手機號碼已經是會員了。</translation>
        </message>
        <message>
            <source>The member must accept the terms to join.</source>
            <translation>會員必須同意條款才能加入。</translation>
        </message>
        <message>
            <source>That is not a phone number.</source>
            <translation>這不是有效的手機號碼。</translation>
        </message>
        <message>
            <source>Please enter a real name (letters only).</source>
            <translation>請輸入真實姓名（只能有文字）。</translation>
        </message>
        <message>
            <source>The birthday is not a real date of birth.</source>
            <translation>生日日期不正確。</translation>
        </message>
        <message>
            <source>That is not a date.</source>
            <translation>這不是有效的日期。</translation>
        </message>
        <message>
            <source>That is not a date and time.</source>
            <translation>這不是有效的日期時間。</translation>
        </message>
        <message>
            <source>That detail cannot be edited.</source>
            <translation>這個欄位不能修改。</translation>
        </message>
        <message>
            <source>The sale has no items yet.</source>
            <translation>這筆交易還沒有商品。</translation>
        </message>
        <message>
            <source>A sale can have at most {max} lines.</source>
            <translation>一筆交易最多 {max} 行。</translation>
        </message>
        <message>
            <source>That amount is not possible.</source>
            <translation>金額不正確。</translation>
        </message>
        <message>
            <source>The quantity must be between 1 and 999.</source>
            <translation>數量必須在 1 到 999 之間。</translation>
        </message>
        <message>
            <source>That sale line is not valid.</source>
            <translation>這個交易明細無效。</translation>
        </message>
        <message>
            <source>That product code is not valid.</source>
            <translation>商品代碼無效。</translation>
        </message>
        <message>
            <source>Please choose a category.</source>
            <translation>請選擇類別。</translation>
        </message>
        <message>
            <source>That number of points is not allowed.</source>
            <translation>這個點數不允許。</translation>
        </message>
        <message>
            <source>The member does not have enough points for that.</source>
            <translation>會員的點數不足。</translation>
        </message>
        <message>
            <source>Points are redeemed in steps of {step}.</source>
            <translation>點數須以 {step} 點為單位折抵。</translation>
        </message>
        <message>
            <source>At most {max} points can pay for this sale.</source>
            <translation>這筆交易最多可折抵 {max} 點。</translation>
        </message>
        <message>
            <source>While offline, at most {max} points can be redeemed.</source>
            <translation>離線時最多只能折抵 {max} 點。</translation>
        </message>
        <message>
            <source>This coupon cannot be used for this sale.</source>
            <translation>這張優惠券不能用於這筆交易。</translation>
        </message>
        <message>
            <source>This coupon's signature is not valid.</source>
            <translation>這張優惠券的簽章無效。</translation>
        </message>
        <message>
            <source>This coupon has already been used.</source>
            <translation>這張優惠券已經使用過了。</translation>
        </message>
        <message>
            <source>This coupon belongs to another member.</source>
            <translation>這張優惠券屬於其他會員。</translation>
        </message>
        <message>
            <source>This coupon expired on {until}.</source>
            <translation>這張優惠券已於 {until} 到期。</translation>
        </message>
        <message>
            <source>This coupon needs a spend of at least {min}.</source>
            <translation>這張優惠券須消費滿 {min}。</translation>
        </message>
        <message>
            <source>No sale has receipt number {receipt_no}.</source>
            <translation>找不到收據號碼 {receipt_no} 的交易。</translation>
        </message>
        <message>
            <source>Not that many items are left to return.</source>
            <translation>可退的數量不足。</translation>
        </message>
        <message>
            <source>That item is not on this receipt.</source>
            <translation>這個商品不在這張收據上。</translation>
        </message>
        <message>
            <source>A supervisor must approve this.</source>
            <translation>需要主管核准。</translation>
        </message>
        <message>
            <source>Only a supervisor can approve this.</source>
            <translation>只有主管可以核准。</translation>
        </message>
        <message>
            <source>Please choose a reason.</source>
            <translation>請選擇原因。</translation>
        </message>
        <message>
            <source>That supervisor ID is not valid.</source>
            <translation>主管編號無效。</translation>
        </message>
        <message>
            <source>Wrong PIN. {left} tries left before the cashier is locked.</source>
            <translation>密碼錯誤。再錯 {left} 次帳號將被鎖定。</translation>
        </message>
        <message>
            <source>Too many wrong PINs. Try again in {minutes} minutes.</source>
            <translation>密碼錯誤次數過多，請 {minutes} 分鐘後再試。</translation>
        </message>
        <message>
            <source>Unknown cashier ID.</source>
            <translation>查無此收銀員編號。</translation>
        </message>
        <message>
            <source>That cashier ID is not valid.</source>
            <translation>收銀員編號無效。</translation>
        </message>
        <message>
            <source>That cashier ID is already taken.</source>
            <translation>這個收銀員編號已被使用。</translation>
        </message>
        <message>
            <source>A PIN is 4 to 8 digits.</source>
            <translation>密碼為 4 到 8 位數字。</translation>
        </message>
        <message>
            <source>That role does not exist.</source>
            <translation>沒有這個角色。</translation>
        </message>
        <message>
            <source>This till is not set up yet.</source>
            <translation>這台收銀機還沒設定。</translation>
        </message>
        <message>
            <source>This till is already set up.</source>
            <translation>這台收銀機已經設定過了。</translation>
        </message>
        <message>
            <source>Store ID: letters, digits, - and _ only (up to 20).</source>
            <translation>門市編號：只能用英文字母、數字、- 和 _（最多 20 個字）。</translation>
        </message>
        <message>
            <source>Terminal ID: letters, digits, - and _ only (up to 20).</source>
            <translation>收銀機編號：只能用英文字母、數字、- 和 _（最多 20 個字）。</translation>
        </message>
        <message>
            <source>The HQ address must start with http:// or https://</source>
            <translation>總部網址必須以 http:// 或 https:// 開頭</translation>
        </message>
        <message>
            <source>The loyalty rules received are not valid.</source>
            <translation>收到的會員規則無效。</translation>
        </message>
        <message>
            <source>This till has no HQ address.</source>
            <translation>這台收銀機沒有設定總部網址。</translation>
        </message>
        <message>
            <source>HQ cannot be reached. Everything is kept and will sync later.</source>
            <translation>無法連線總部。所有資料都已保存，稍後會自動同步。</translation>
        </message>
        <message>
            <source>That command is not valid.</source>
            <translation>指令無效。</translation>
        </message>
        <message>
            <source>This till belongs to a real store; demo mode needs its own data folder.</source>
            <translation>這台收銀機屬於正式門市，示範模式需要另一個資料夾。</translation>
        </message>
        <message>
            <source>No free network port for the demo HQ.</source>
            <translation>沒有可用的網路埠給示範總部使用。</translation>
        </message>
        <message>
            <source>The demo HQ could not start.</source>
            <translation>示範總部無法啟動。</translation>
        </message>
        <message>
            <source>Not a member card, product or receipt: {text}</source>
            <translation>不是會員卡、商品或收據：{text}</translation>
        </message>
        <message>
            <source>No product with code {text}.</source>
            <translation>找不到商品代碼 {text}。</translation>
        </message>
        <message>
            <source>Identify the member first (scan the card or type the phone).</source>
            <translation>請先確認會員（掃描會員卡或輸入手機號碼）。</translation>
        </message>
        <message>
            <source>No camera found. Use the scanner or type the phone number.</source>
            <translation>找不到攝影機。請使用掃描器或輸入手機號碼。</translation>
        </message>
        <message>
            <source>The camera stopped working: {detail}</source>
            <translation>攝影機停止運作：{detail}</translation>
        </message>
        <message>
            <source>The till is still starting. Please wait a moment.</source>
            <translation>收銀機啟動中，請稍候。</translation>
        </message>
        <message>
            <source>Could not save the file: {detail}</source>
            <translation>無法儲存檔案：{detail}</translation>
        </message>
        <message>
            <source>Something went wrong. Nothing was changed. Please try again.</source>
            <translation>發生錯誤，資料沒有變動。請再試一次。</translation>
        </message>
        <message>
            <source>This was refused ({code}).</source>
            <translation>操作被拒絕（{code}）。</translation>
        </message>
        <message>
            <source>Members enroll with a mobile number; that is a landline.</source>
            <translation>會員須以手機號碼加入；這是市話號碼。</translation>
        </message>
        <message>
            <source>That country is not supported (TW, CN or HK).</source>
            <translation>不支援這個國家或地區（僅 TW、CN、HK）。</translation>
        </message>
        <message>
            <source>A name is at most {max} characters.</source>
            <translation>姓名最多 {max} 個字。</translation>
        </message>
        <message>
            <source>Wrong PIN. 1 try left before the cashier is locked.</source>
            <translation>PIN 錯誤。再錯 1 次，此收銀員將被鎖定。</translation>
        </message>
        <message>
            <source>That is not a payment method.</source>
            <translation>這不是可用的付款方式。</translation>
        </message>
        <message>
            <source>Not enough cash: {received} received, {due} due.</source>
            <translation>現金不足：收到 {received}，應付 {due}。</translation>
        </message>
        <message>
            <source>The printer was not found ({detail}). Check its cable or address in Settings.</source>
            <translation>找不到印表機（{detail}）。請檢查連接線，或到設定中確認位址。</translation>
        </message>
        <message>
            <source>The printer stopped answering ({detail}).</source>
            <translation>印表機沒有回應（{detail}）。</translation>
        </message>
        <message>
            <source>The printer is out of paper. Load a new roll.</source>
            <translation>印表機沒紙了，請換上新的紙捲。</translation>
        </message>
        <message>
            <source>The printer could not print: {detail}</source>
            <translation>印表機無法列印：{detail}</translation>
        </message>
        <message>
            <source>A USB printer is its vendor:product id in hex, e.g. 04b8:0202.</source>
            <translation>USB 印表機請輸入廠商:產品代碼（十六進位），例如 04b8:0202。</translation>
        </message>
        <message>
            <source>A network printer is a host or host:port, e.g. 192.168.1.50:9100.</source>
            <translation>網路印表機請輸入主機或主機:埠號，例如 192.168.1.50:9100。</translation>
        </message>
        <message>
            <source>A serial printer is a device such as /dev/ttyUSB0 (or /dev/ttyUSB0@19200).</source>
            <translation>序列埠印表機請輸入裝置，例如 /dev/ttyUSB0（或 /dev/ttyUSB0@19200）。</translation>
        </message>
        <message>
            <source>More than {max} points: scan the member&apos;s card or confirm with a one-time code.</source>
            <translation>超過 {max} 點：請掃會員卡，或以簡訊驗證碼確認。</translation>
        </message>
        <message>
            <source>More than {max} points: scan the member&apos;s card (offline, no one-time code can be sent).</source>
            <translation>超過 {max} 點：請掃會員卡（離線中，無法傳送驗證碼）。</translation>
        </message>
        <message>
            <source>How the member was identified is not known.</source>
            <translation>無法得知會員的識別方式。</translation>
        </message>
        <message>
            <source>That one-time code proof is not valid.</source>
            <translation>此驗證碼憑證無效。</translation>
        </message>
        <message>
            <source>A one-time code needs HQ: scan the member&apos;s card instead.</source>
            <translation>驗證碼需要連線總部：請改掃會員卡。</translation>
        </message>
        <message>
            <source>HQ cannot send text messages: scan the member&apos;s card.</source>
            <translation>總部無法傳送簡訊：請掃會員卡。</translation>
        </message>
        <message>
            <source>Too many codes were sent to this member: scan the card.</source>
            <translation>此會員的驗證碼傳送次數過多：請掃會員卡。</translation>
        </message>
        <message>
            <source>Too many wrong codes: send a new one.</source>
            <translation>驗證碼錯誤次數過多：請重新傳送。</translation>
        </message>
        <message>
            <source>This code has expired: send a new one.</source>
            <translation>驗證碼已過期：請重新傳送。</translation>
        </message>
        <message>
            <source>That is not the code sent to the member.</source>
            <translation>驗證碼不正確。</translation>
        </message>
        <message>
            <source>No such code was sent from this till: send a new one.</source>
            <translation>本收銀台未傳送此驗證碼：請重新傳送。</translation>
        </message>
    </context>
    <context>
        <name>FirstRun</name>
        <message>
            <source>Set up this till</source>
            <translation>設定這台收銀機</translation>
        </message>
        <message>
            <source>Enter the store and till names HQ gave you, and the first supervisor's login.</source>
            <translation>請輸入總部提供的門市與收銀機編號，以及第一位主管的登入資料。</translation>
        </message>
        <message>
            <source>Store ID</source>
            <translation>門市編號</translation>
        </message>
        <message>
            <source>Till ID</source>
            <translation>收銀機編號</translation>
        </message>
        <message>
            <source>HQ address (optional)</source>
            <translation>總部網址（選填）</translation>
        </message>
        <message>
            <source>HQ token</source>
            <translation>總部金鑰</translation>
        </message>
        <message>
            <source>Supervisor ID</source>
            <translation>主管編號</translation>
        </message>
        <message>
            <source>Supervisor name</source>
            <translation>主管姓名</translation>
        </message>
        <message>
            <source>Supervisor PIN (4-8 digits)</source>
            <translation>主管密碼（4 到 8 位數字）</translation>
        </message>
        <message>
            <source>HQ certificate authority (optional)</source>
            <translation>總部憑證授權單位（選填）</translation>
        </message>
        <message>
            <source>PEM file; empty = this computer's trusted CAs</source>
            <translation>PEM 檔案；留空則使用本機信任的憑證</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>選擇…</translation>
        </message>
        <message>
            <source>HQ certificate authority</source>
            <translation>總部憑證授權單位</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt);;All files (*)</source>
            <translation>憑證 (*.pem *.crt);;所有檔案 (*)</translation>
        </message>
        <message>
            <source>There is no file at the certificate path given.</source>
            <translation>找不到所填憑證路徑的檔案。</translation>
        </message>
        <message>
            <source>Set up</source>
            <translation>完成設定</translation>
        </message>
        <message>
            <source>Demo mode</source>
            <translation>示範模式</translation>
        </message>
        <message>
            <source>Demo mode runs a local HQ with demo members and products. Log in as 1001 / PIN 1234 (cashier) or 9001 / PIN 9999 (supervisor).</source>
            <translation>示範模式會在本機執行總部，並建立示範會員與商品。收銀員請用 1001／密碼 1234 登入，主管請用 9001／密碼 9999。</translation>
        </message>
        <message>
            <source>Please fill in every field marked above.</source>
            <translation>請填寫上方所有欄位。</translation>
        </message>
        <message>
            <source>Setting up…</source>
            <translation>設定中…</translation>
        </message>
    </context>
    <context>
        <name>Ledger</name>
        <message>
            <source>Purchase</source>
            <translation>消費</translation>
        </message>
        <message>
            <source>Sign-up bonus</source>
            <translation>入會禮</translation>
        </message>
        <message>
            <source>Referral bonus</source>
            <translation>推薦獎勵</translation>
        </message>
        <message>
            <source>Bonus</source>
            <translation>獎勵</translation>
        </message>
        <message>
            <source>Redeemed</source>
            <translation>折抵</translation>
        </message>
        <message>
            <source>Return (points taken back)</source>
            <translation>退貨（扣回點數）</translation>
        </message>
        <message>
            <source>Return (points given back)</source>
            <translation>退貨（退還點數）</translation>
        </message>
        <message>
            <source>Adjustment</source>
            <translation>調整</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>到期</translation>
        </message>
        <message>
            <source>Merged in</source>
            <translation>合併轉入</translation>
        </message>
        <message>
            <source>Goodwill</source>
            <translation>客戶關懷</translation>
        </message>
        <message>
            <source>Correction</source>
            <translation>更正</translation>
        </message>
        <message>
            <source>Complaint</source>
            <translation>客訴</translation>
        </message>
        <message>
            <source>Migration from the old system</source>
            <translation>舊系統轉入</translation>
        </message>
    </context>
    <context>
        <name>Login</name>
        <message>
            <source>Log in</source>
            <translation>登入</translation>
        </message>
        <message>
            <source>Store loyalty till</source>
            <translation>門市會員收銀</translation>
        </message>
        <message>
            <source>Cashier ID</source>
            <translation>收銀員編號</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>密碼</translation>
        </message>
        <message>
            <source>Log in (Enter)</source>
            <translation>登入（Enter）</translation>
        </message>
        <message>
            <source>Opening the store…</source>
            <translation>正在開啟門市資料…</translation>
        </message>
        <message>
            <source>Locked. {name} was working here; log in to continue.</source>
            <translation>已鎖定。{name} 正在使用這台收銀機，請登入繼續。</translation>
        </message>
        <message>
            <source>Log in with your cashier ID and PIN.</source>
            <translation>請輸入收銀員編號和密碼登入。</translation>
        </message>
    </context>
    <context>
        <name>Lookup</name>
        <message>
            <source>Phone, member code or name</source>
            <translation>手機、會員編號或姓名</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>查詢</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Store loyalty till</source>
            <translation>門市會員收銀</translation>
        </message>
        <message>
            <source>supervisor</source>
            <translation>主管</translation>
        </message>
        <message>
            <source>cashier</source>
            <translation>收銀員</translation>
        </message>
        <message>
            <source>{name} ({role}) · F11 lock</source>
            <translation>{name}（{role}）· F11 鎖定</translation>
        </message>
        <message>
            <source>Close the till?</source>
            <translation>關閉收銀機？</translation>
        </message>
        <message>
            <source>The current sale is not confirmed. Its cart will be lost if you close now.</source>
            <translation>目前的交易尚未確認，現在關閉的話購物車內容會消失。</translation>
        </message>
        <message>
            <source>Discard the cart and close</source>
            <translation>放棄購物車並關閉</translation>
        </message>
        <message>
            <source>Keep the sale open</source>
            <translation>繼續這筆交易</translation>
        </message>
    </context>
    <context>
        <name>Member</name>
        <message>
            <source>Awaiting HQ approval</source>
            <translation>待總部核准</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>What</source>
            <translation>項目</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>點數</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>到期日</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>參考編號</translation>
        </message>
        <message>
            <source>HQ</source>
            <translation>總部</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>已確認</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>待傳送</translation>
        </message>
        <message>
            <source>Member details</source>
            <translation>會員資料</translation>
        </message>
        <message>
            <source>History</source>
            <translation>點數紀錄</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>基本資料</translation>
        </message>
        <message>
            <source>Adjust points</source>
            <translation>調整點數</translation>
        </message>
        <message>
            <source>Reissue card</source>
            <translation>補發會員卡</translation>
        </message>
        <message>
            <source>Back to the sale</source>
            <translation>回到結帳</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>手機</translation>
        </message>
        <message>
            <source>Birthday</source>
            <translation>生日</translation>
        </message>
        <message>
            <source>Agrees to receive offers</source>
            <translation>同意接收優惠訊息</translation>
        </message>
        <message>
            <source>Save changes</source>
            <translation>儲存變更</translation>
        </message>
        <message>
            <source>Correct name, phone or birthday (asks HQ)</source>
            <translation>修改姓名、電話或生日（向總部取得資料）</translation>
        </message>
        <message>
            <source>Points (+ or -)</source>
            <translation>點數（+ 或 -）</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>{name} · {code} · {tier} · {points} points</source>
            <translation>{name} · {code} · {tier} · {points} 點</translation>
        </message>
        <message>
            <source>Nothing to save.</source>
            <translation>沒有需要儲存的變更。</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>已儲存。</translation>
        </message>
        <message>
            <source>Enter the points to add (+) or take away (-).</source>
            <translation>請輸入要增加（+）或扣除（-）的點數。</translation>
        </message>
        <message>
            <source>Adjusted by {points} points.</source>
            <translation>已調整 {points} 點。</translation>
        </message>
    </context>
    <context>
        <name>MemberCard</name>
        <message>
            <source>Print card</source>
            <translation>列印會員卡</translation>
        </message>
        <message>
            <source>Save PNG</source>
            <translation>儲存 PNG</translation>
        </message>
        <message>
            <source>Save PDF</source>
            <translation>儲存 PDF</translation>
        </message>
        <message>
            <source>Back to the sale</source>
            <translation>回到結帳</translation>
        </message>
        <message>
            <source>Save the member card</source>
            <translation>儲存會員卡</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>已儲存 {path}</translation>
        </message>
        <message>
            <source>Card printed.</source>
            <translation>會員卡已列印。</translation>
        </message>
    </context>
    <context>
        <name>MemberPanel</name>
        <message>
            <source>No member yet.
Scan the member card, or type a phone number, member code or name.</source>
            <translation>尚未選擇會員。
請掃描會員卡，或輸入手機號碼、會員編號或姓名。</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>點數</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>隱藏</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>顯示</translation>
        </message>
        <message>
            <source>Confirmed by HQ {confirmed} + recorded here {pending}</source>
            <translation>總部已確認 {confirmed} + 本機待傳 {pending}</translation>
        </message>
        <message>
            <source>never</source>
            <translation>從未</translation>
        </message>
        <message>
            <source>Unverified since {when} (offline)</source>
            <translation>自 {when} 起未經總部確認（離線）</translation>
        </message>
        <message>
            <source>{points} points expire within 30 days (from {date})</source>
            <translation>{points} 點將於 30 天內到期（{date} 起）</translation>
        </message>
        <message>
            <source>Birthday this month</source>
            <translation>本月壽星</translation>
        </message>
        <message>
            <source>Coupons available: {n}</source>
            <translation>可用優惠券：{n} 張</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>Today's offers: {offers}</source>
            <translation>今日優惠：{offers}</translation>
        </message>
        <message>
            <source>Top tier reached</source>
            <translation>已達最高等級</translation>
        </message>
        <message>
            <source>Spend {amount} more for {tier}</source>
            <translation>再消費 {amount} 即可升級{tier}</translation>
        </message>
        <message>
            <source>All points confirmed by HQ.</source>
            <translation>所有點數都已由總部確認。</translation>
        </message>
        <message>
            <source>HQ has confirmed {confirmed}; {pending} more earned at this till are not sent yet.</source>
            <translation>總部已確認 {confirmed} 點；本機另有 {pending} 點新增尚未上傳。</translation>
        </message>
        <message>
            <source>HQ has confirmed {confirmed}; {pending} used at this till are not sent yet.</source>
            <translation>總部已確認 {confirmed} 點；本機已使用的 {pending} 點尚未上傳。</translation>
        </message>
    </context>
    <context>
        <name>Printing</name>
        <message>
            <source>Member card</source>
            <translation>會員卡</translation>
        </message>
        <message>
            <source>Show this code at the till to collect points.</source>
            <translation>結帳時出示此條碼即可累積點數。</translation>
        </message>
        <message>
            <source>Open amount ({category})</source>
            <translation>自訂金額（{category}）</translation>
        </message>
        <message>
            <source>Subtotal</source>
            <translation>小計</translation>
        </message>
        <message>
            <source>Member discount</source>
            <translation>會員折扣</translation>
        </message>
        <message>
            <source>Coupon</source>
            <translation>優惠券</translation>
        </message>
        <message>
            <source>Points redeemed: {points}</source>
            <translation>點數折抵：{points} 點</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>實付</translation>
        </message>
        <message>
            <source>Points earned</source>
            <translation>本次獲得點數</translation>
        </message>
        <message>
            <source>Points redeemed</source>
            <translation>折抵點數</translation>
        </message>
        <message>
            <source>New balance</source>
            <translation>點數餘額</translation>
        </message>
        <message>
            <source>Tier</source>
            <translation>等級</translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>收據</translation>
        </message>
        <message>
            <source>Store {store} · Till {till}</source>
            <translation>門市 {store} · 收銀機 {till}</translation>
        </message>
        <message>
            <source>Member: {name} ({code})</source>
            <translation>會員：{name}（{code}）</translation>
        </message>
        <message>
            <source>Keep this receipt for returns.</source>
            <translation>退貨時請出示本收據。</translation>
        </message>
        <message>
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <source>Points taken back</source>
            <translation>扣回點數</translation>
        </message>
        <message>
            <source>Points given back</source>
            <translation>退還點數</translation>
        </message>
        <message>
            <source>none (approved by {supervisor})</source>
            <translation>無（由 {supervisor} 核准）</translation>
        </message>
        <message>
            <source>Return</source>
            <translation>退貨單</translation>
        </message>
        <message>
            <source>Original receipt: {receipt}</source>
            <translation>原收據：{receipt}</translation>
        </message>
        <message>
            <source>Member: {code}</source>
            <translation>會員：{code}</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>現金</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>信用卡</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Till {till} · Cashier {cashier}</source>
            <translation>收銀機 {till} · 收銀員 {cashier}</translation>
        </message>
        <message>
            <source>Till {till}</source>
            <translation>收銀機 {till}</translation>
        </message>
        <message>
            <source>Paid by</source>
            <translation>付款方式</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>收款</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>找零</translation>
        </message>
        <message>
            <source>Expiring by {date}</source>
            <translation>{date} 前到期</translation>
        </message>
    </context>
    <context>
        <name>ProductEntry</name>
        <message>
            <source>Product code or barcode</source>
            <translation>商品代碼或條碼</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>加入</translation>
        </message>
        <message>
            <source>Open amount, e.g. 120.50</source>
            <translation>自訂金額，例如 120.50</translation>
        </message>
        <message>
            <source>Add amount</source>
            <translation>加入金額</translation>
        </message>
    </context>
    <context>
        <name>ReceiptView</name>
        <message>
            <source>Print receipt</source>
            <translation>列印收據</translation>
        </message>
        <message>
            <source>Save as PDF</source>
            <translation>另存 PDF</translation>
        </message>
        <message>
            <source>Save the receipt</source>
            <translation>儲存收據</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>已儲存 {path}</translation>
        </message>
        <message>
            <source>Reprint receipt</source>
            <translation>重印收據</translation>
        </message>
        <message>
            <source>Printing…</source>
            <translation>列印中…</translation>
        </message>
        <message>
            <source>Printed {receipt}.</source>
            <translation>已列印 {receipt}。</translation>
        </message>
        <message>
            <source>The sale is saved; press F9 to reprint.</source>
            <translation>這筆銷售已保存；按 F9 重印。</translation>
        </message>
    </context>
    <context>
        <name>Rejected</name>
        <message>
            <source>Events rejected by HQ</source>
            <translation>總部退回的資料</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>序號</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>When</source>
            <translation>時間</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>單號</translation>
        </message>
        <message>
            <source>HQ's reason</source>
            <translation>總部說明的原因</translation>
        </message>
        <message>
            <source>Back to the sale</source>
            <translation>回到結帳</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>重新整理</translation>
        </message>
        <message>
            <source>HQ has not rejected anything.</source>
            <translation>總部沒有退回任何資料。</translation>
        </message>
    </context>
    <context>
        <name>Report</name>
        <message>
            <source>Day report</source>
            <translation>日報表</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>交易筆數</translation>
        </message>
        <message>
            <source>Takings</source>
            <translation>營業額</translation>
        </message>
        <message>
            <source>Points issued</source>
            <translation>發出點數</translation>
        </message>
        <message>
            <source>Points redeemed</source>
            <translation>折抵點數</translation>
        </message>
        <message>
            <source>New members</source>
            <translation>新會員</translation>
        </message>
        <message>
            <source>Returns</source>
            <translation>退貨筆數</translation>
        </message>
        <message>
            <source>Refunds</source>
            <translation>退款金額</translation>
        </message>
        <message>
            <source>Events not yet sent to HQ</source>
            <translation>尚未傳送到總部的資料</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>重新整理</translation>
        </message>
        <message>
            <source>Back to the sale</source>
            <translation>回到結帳</translation>
        </message>
        <message>
            <source>Export CSV</source>
            <translation>匯出 CSV</translation>
        </message>
        <message>
            <source>Export PDF</source>
            <translation>匯出 PDF</translation>
        </message>
        <message>
            <source>Sales by tier</source>
            <translation>各等級銷售</translation>
        </message>
        <message>
            <source>Export the day report</source>
            <translation>匯出日報表</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>已儲存 {path}</translation>
        </message>
        <message>
            <source>Tier</source>
            <translation>等級</translation>
        </message>
        <message>
            <source>Day report {date} · store {store}</source>
            <translation>日報表 {date} · 門市 {store}</translation>
        </message>
        <message>
            <source>Paid in cash</source>
            <translation>現金收款</translation>
        </message>
        <message>
            <source>Paid by card</source>
            <translation>刷卡收款</translation>
        </message>
        <message>
            <source>Paid otherwise</source>
            <translation>其他方式收款</translation>
        </message>
        <message>
            <source>Expected cash in the drawer</source>
            <translation>錢櫃應有現金</translation>
        </message>
    </context>
    <context>
        <name>Returns</name>
        <message>
            <source>Item</source>
            <translation>品項</translation>
        </message>
        <message>
            <source>Sold</source>
            <translation>已售</translation>
        </message>
        <message>
            <source>Returned before</source>
            <translation>已退</translation>
        </message>
        <message>
            <source>Return now</source>
            <translation>本次退貨</translation>
        </message>
        <message>
            <source>Returns</source>
            <translation>退貨</translation>
        </message>
        <message>
            <source>Return goods</source>
            <translation>退貨</translation>
        </message>
        <message>
            <source>Scan or type the receipt number</source>
            <translation>掃描或輸入收據號碼</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>查詢</translation>
        </message>
        <message>
            <source>Return everything</source>
            <translation>全部退貨</translation>
        </message>
        <message>
            <source>Refund</source>
            <translation>退款</translation>
        </message>
        <message>
            <source>Points taken back</source>
            <translation>扣回點數</translation>
        </message>
        <message>
            <source>Points given back</source>
            <translation>退還點數</translation>
        </message>
        <message>
            <source>Balance after</source>
            <translation>退貨後點數</translation>
        </message>
        <message>
            <source>No receipt: a supervisor approves the amount returned.</source>
            <translation>無收據退貨：由主管核准退貨金額。</translation>
        </message>
        <message>
            <source>Member (phone or code)</source>
            <translation>會員（手機或編號）</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金額</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>類別</translation>
        </message>
        <message>
            <source>Back to the sale</source>
            <translation>回到結帳</translation>
        </message>
        <message>
            <source>Next return</source>
            <translation>下一筆退貨</translation>
        </message>
        <message>
            <source>Confirm return</source>
            <translation>確認退貨</translation>
        </message>
        <message>
            <source>With receipt</source>
            <translation>有收據</translation>
        </message>
        <message>
            <source>No receipt</source>
            <translation>無收據</translation>
        </message>
        <message>
            <source>Sale {receipt} on {date}, member {member}, paid {paid}</source>
            <translation>交易 {receipt}，{date}，會員 {member}，實付 {paid}</translation>
        </message>
        <message>
            <source>Return {number} done. Refund {refund}.</source>
            <translation>退貨 {number} 完成，退款 {refund}。</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>Settings</source>
            <translation>設定</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>語言</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>攝影機</translation>
        </message>
        <message>
            <source>Lock after idle</source>
            <translation>閒置後自動鎖定</translation>
        </message>
        <message>
            <source>Privacy</source>
            <translation>隱私</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>跟隨系統</translation>
        </message>
        <message>
            <source>min</source>
            <translation>分鐘</translation>
        </message>
        <message>
            <source>Mask member names and phones on screen</source>
            <translation>螢幕上隱藏部分會員姓名與手機</translation>
        </message>
        <message>
            <source>Back to the sale</source>
            <translation>回到結帳</translation>
        </message>
        <message>
            <source>Events rejected by HQ</source>
            <translation>總部退回的資料</translation>
        </message>
        <message>
            <source>none</source>
            <translation>無</translation>
        </message>
        <message>
            <source>Store {store} · Till {till} · HQ {hq}</source>
            <translation>門市 {store} · 收銀機 {till} · 總部 {hq}</translation>
        </message>
        <message>
            <source>demo mode</source>
            <translation>示範模式</translation>
        </message>
        <message>
            <source>No camera found on this computer.</source>
            <translation>這台電腦沒有攝影機。</translation>
        </message>
        <message>
            <source>Scanner ends each code with</source>
            <translation>掃描器每筆條碼結尾</translation>
        </message>
        <message>
            <source>Scanner prefix</source>
            <translation>掃描器前置字元</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Enter 鍵</translation>
        </message>
        <message>
            <source>Tab</source>
            <translation>Tab</translation>
        </message>
        <message>
            <source>CR LF (Enter, line feed)</source>
            <translation>CR LF（Enter 加換行）</translation>
        </message>
        <message>
            <source>Only a supervisor can change this.</source>
            <translation>只有主管可以變更此設定。</translation>
        </message>
    </context>
    <context>
        <name>Supervisor</name>
        <message>
            <source>Supervisor ID</source>
            <translation>主管編號</translation>
        </message>
        <message>
            <source>Supervisor PIN</source>
            <translation>主管密碼</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>核准</translation>
        </message>
        <message>
            <source>Approved by {name}</source>
            <translation>已由 {name} 核准</translation>
        </message>
    </context>
    <context>
        <name>SyncStatus</name>
        <message>
            <source>Sync now</source>
            <translation>立即同步</translation>
        </message>
        <message>
            <source>Local only (no HQ)</source>
            <translation>僅本機（未連總部）</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>連線中…</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>離線</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>連線中</translation>
        </message>
        <message>
            <source>Waiting to send: {n}</source>
            <translation>待傳送：{n} 筆</translation>
        </message>
        <message>
            <source>Last sync {when}</source>
            <translation>上次同步 {when}</translation>
        </message>
        <message>
            <source>Never synced</source>
            <translation>尚未同步</translation>
        </message>
        <message>
            <source>Error: {error}</source>
            <translation>錯誤：{error}</translation>
        </message>
        <message>
            <source>HQ cannot be reached</source>
            <translation>無法連線總部</translation>
        </message>
        <message>
            <source>HQ did not answer in time</source>
            <translation>總部未及時回應</translation>
        </message>
        <message>
            <source>HQ refused this till's token</source>
            <translation>總部拒絕此收銀機的憑證</translation>
        </message>
        <message>
            <source>HQ is busy or failing; trying again</source>
            <translation>總部忙碌或故障，稍後重試</translation>
        </message>
        <message>
            <source>Unexpected answer from HQ ({code})</source>
            <translation>總部回應異常（{code}）</translation>
        </message>
        <message>
            <source>Rejected by HQ: {n}</source>
            <translation>總部退回：{n} 筆</translation>
        </message>
        <message>
            <source>Offline: HQ has not answered since {when}. Sales go on and are sent later.</source>
            <translation>離線：總部自 {when} 起沒有回應。交易照常進行，稍後會自動傳送。</translation>
        </message>
        <message>
            <source>Offline: HQ cannot be reached. Sales go on and are sent later.</source>
            <translation>離線：無法連線總部。交易照常進行，稍後會自動傳送。</translation>
        </message>
    </context>
    <context>
        <name>Totals</name>
        <message>
            <source>{percent}% off</source>
            <translation>折 {percent}%</translation>
        </message>
        <message>
            <source>{amount} off</source>
            <translation>折抵 {amount}</translation>
        </message>
        <message>
            <source>(spend {amount})</source>
            <translation>（滿 {amount}）</translation>
        </message>
        <message>
            <source>Subtotal</source>
            <translation>小計</translation>
        </message>
        <message>
            <source>Member discount</source>
            <translation>會員折扣</translation>
        </message>
        <message>
            <source>Coupon</source>
            <translation>優惠券</translation>
        </message>
        <message>
            <source>Points as payment</source>
            <translation>點數折抵</translation>
        </message>
        <message>
            <source>To pay</source>
            <translation>應付金額</translation>
        </message>
        <message>
            <source>Points earned</source>
            <translation>本次獲得點數</translation>
        </message>
        <message>
            <source>Max</source>
            <translation>最多</translation>
        </message>
        <message>
            <source>Confirm sale</source>
            <translation>確認結帳</translation>
        </message>
        <message>
            <source>No coupon</source>
            <translation>不使用優惠券</translation>
        </message>
        <message>
            <source>Scanned coupon</source>
            <translation>掃描的優惠券</translation>
        </message>
        <message>
            <source>Up to {points} points, in steps of {step}</source>
            <translation>最多 {points} 點，每次 {step} 點</translation>
        </message>
        <message>
            <source>Identify the member to collect points.</source>
            <translation>確認會員後即可累積點數。</translation>
        </message>
        <message>
            <source>Scan or type a product code.</source>
            <translation>請掃描或輸入商品代碼。</translation>
        </message>
    </context>
    <context>
        <name>FKeys</name>
        <message>
            <source>Open amount</source>
            <translation>自訂金額</translation>
        </message>
        <message>
            <source>New</source>
            <translation>新交易</translation>
        </message>
        <message>
            <source>Find member</source>
            <translation>查詢會員</translation>
        </message>
        <message>
            <source>Enroll</source>
            <translation>加入會員</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>攝影機</translation>
        </message>
        <message>
            <source>Member details</source>
            <translation>會員資料</translation>
        </message>
        <message>
            <source>Returns</source>
            <translation>退貨</translation>
        </message>
        <message>
            <source>Day report</source>
            <translation>日報表</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>列印</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>設定</translation>
        </message>
        <message>
            <source>Lock</source>
            <translation>鎖定</translation>
        </message>
        <message>
            <source>Confirm</source>
            <translation>確認</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>返回</translation>
        </message>
    </context>
    <context>
        <name>Tender</name>
        <message>
            <source>Payment</source>
            <translation>付款</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>現金</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>信用卡</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Due {amount}</source>
            <translation>應付 {amount}</translation>
        </message>
        <message>
            <source>Cash received</source>
            <translation>收到現金</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>找零</translation>
        </message>
        <message>
            <source>Enter  Accept</source>
            <translation>Enter  確認</translation>
        </message>
        <message>
            <source>Esc  Back to the sale</source>
            <translation>Esc  回到銷售</translation>
        </message>
    </context>
    <context>
        <name>PrinterSettings</name>
        <message>
            <source>System printer</source>
            <translation>系統印表機</translation>
        </message>
        <message>
            <source>ESC/POS thermal printer on USB</source>
            <translation>USB 熱感印表機（ESC/POS）</translation>
        </message>
        <message>
            <source>ESC/POS thermal printer on the network</source>
            <translation>網路熱感印表機（ESC/POS）</translation>
        </message>
        <message>
            <source>ESC/POS thermal printer on a serial port</source>
            <translation>序列埠熱感印表機（ESC/POS）</translation>
        </message>
        <message>
            <source>By the receipt's language (Big5 / GB18030)</source>
            <translation>依收據語言（Big5 / GB18030）</translation>
        </message>
        <message>
            <source>Big5 (Traditional Chinese printer)</source>
            <translation>Big5（繁體中文印表機）</translation>
        </message>
        <message>
            <source>GB18030 (Simplified Chinese printer)</source>
            <translation>GB18030（簡體中文印表機）</translation>
        </message>
        <message>
            <source>As images (no Chinese font in the printer)</source>
            <translation>以圖像列印（印表機沒有中文字型）</translation>
        </message>
        <message>
            <source>Vendor:product id, e.g. 04b8:0202</source>
            <translation>廠商:產品代碼，例如 04b8:0202</translation>
        </message>
        <message>
            <source>Host or host:port, e.g. 192.168.1.50:9100</source>
            <translation>主機或主機:埠號，例如 192.168.1.50:9100</translation>
        </message>
        <message>
            <source>Device, e.g. /dev/ttyUSB0 or /dev/ttyUSB0@19200</source>
            <translation>裝置，例如 /dev/ttyUSB0 或 /dev/ttyUSB0@19200</translation>
        </message>
        <message>
            <source>Receipt printer</source>
            <translation>收據印表機</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>印表機</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>位址</translation>
        </message>
        <message>
            <source>Paper width</source>
            <translation>紙寬</translation>
        </message>
        <message>
            <source>Chinese characters</source>
            <translation>中文字元</translation>
        </message>
        <message>
            <source>Cash drawer</source>
            <translation>錢櫃</translation>
        </message>
        <message>
            <source>Store name on receipts</source>
            <translation>收據上的店名</translation>
        </message>
        <message>
            <source>Store address on receipts</source>
            <translation>收據上的地址</translation>
        </message>
        <message>
            <source>{mm} mm roll</source>
            <translation>{mm} 公釐紙捲</translation>
        </message>
        <message>
            <source>Open the cash drawer after a cash sale</source>
            <translation>現金交易後打開錢櫃</translation>
        </message>
        <message>
            <source>Ask each time (print dialog)</source>
            <translation>每次詢問（列印對話框）</translation>
        </message>
        <message>
            <source>Printer settings saved.</source>
            <translation>印表機設定已儲存。</translation>
        </message>
    </context>
</TS>
